using Auth.Core.Settings;

namespace Auth.Core.Messaging;

/// <summary>Renders each template of a settings document with sample data, as the draft is saved.</summary>
public sealed class MessageTemplateChecker(TemplateRenderer renderer, AuthCoreOptions options, TimeProvider time)
{
    /// <param name="settings">The settings about to be saved.</param>
    /// <param name="previous">
    /// The settings this save starts from. A part it already holds unchanged passed this check when it was saved, so
    /// its render errors don't block the save: on a loaded machine a harmless template can miss the render deadline,
    /// and a save of another section must not fail for it. Its warnings are still reported.
    /// </param>
    /// <param name="ct">Cancels the check.</param>
    public async Task<TemplateCheckResult> CheckAsync(AuthSettings settings, AuthSettings? previous = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var warnings = new Dictionary<string, string>(StringComparer.Ordinal);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (type, template) in settings.Messages.All)
        {
            // The check looks for render errors only, which the link's value can't cause: the public base URL stands in.
            var model = MessageSamples.For(type, settings, _ => options.PublicBaseUrl, now);
            var before = previous?.Messages.Get(type);
            var parts = MessageType.IsEmail(type)
                ? new[] { ("subject", template.Subject, before?.Subject, RenderMode.Text), ("body", template.Body, before?.Body, RenderMode.Html) }
                : [("body", template.Body, before?.Body, RenderMode.Text)];
            foreach (var (part, source, old, mode) in parts)
            {
                var path = $"messages.{type}.{part}";
                var result = await renderer.RenderAsync(renderer.Parse(source), model, mode, ct);
                if (result.Errors.Count > 0 && !string.Equals(source, old, StringComparison.Ordinal)) errors[path] = result.Errors[0].ToString();
                if (result.UnknownNames.Count > 0)
                    warnings[path] = "Unknown variables (they render empty): " + string.Join(", ", result.UnknownNames);
            }
        }
        return new TemplateCheckResult(errors, warnings);
    }
}
