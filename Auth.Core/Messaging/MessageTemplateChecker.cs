using Auth.Core.Settings;

namespace Auth.Core.Messaging;

/// <summary>Renders each template of a settings document with sample data, as the draft is saved.</summary>
public sealed class MessageTemplateChecker(TemplateRenderer renderer, AuthCoreOptions options, TimeProvider time)
{
    public async Task<TemplateCheckResult> CheckAsync(AuthSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var warnings = new Dictionary<string, string>(StringComparer.Ordinal);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (type, template) in settings.Messages.All)
        {
            // The check looks for render errors only, which the link's value can't cause: the public base URL stands in.
            var model = MessageSamples.For(type, settings, _ => options.PublicBaseUrl, now);
            var parts = MessageType.IsEmail(type)
                ? new[] { ("subject", template.Subject, RenderMode.Text), ("body", template.Body, RenderMode.Html) }
                : [("body", template.Body, RenderMode.Text)];
            foreach (var (part, source, mode) in parts)
            {
                var path = $"messages.{type}.{part}";
                var result = await renderer.RenderAsync(renderer.Parse(source), model, mode, ct);
                if (result.Errors.Count > 0) errors[path] = result.Errors[0].ToString();
                if (result.UnknownNames.Count > 0)
                    warnings[path] = "Unknown variables (they render empty): " + string.Join(", ", result.UnknownNames);
            }
        }
        return new TemplateCheckResult(errors, warnings);
    }
}
