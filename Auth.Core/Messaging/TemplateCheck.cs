using Auth.Core.Settings;

namespace Auth.Core.Messaging;

/// <summary>The outcome of checking every template of a settings document: errors and warnings by JSON path.</summary>
public sealed record TemplateCheckResult(IReadOnlyDictionary<string, string> Errors, IReadOnlyDictionary<string, string> Warnings);

/// <summary>
/// Save-time checks of the message templates. <see cref="ParseError"/> is what <see cref="SettingsValidator"/>
/// calls (syntax, with line and column); <see cref="MessageTemplateChecker"/> adds a sample render for runtime
/// failures and unknown names.
/// </summary>
public static class TemplateCheck
{
    private static readonly SandboxLimits Limits = new();

    /// <summary>Null when <paramref name="source"/> parses under the sandbox's rules; otherwise its first problem.</summary>
    public static string? ParseError(string? source)
    {
        if (source is null) return null;
        var parsed = ParsedTemplate.Parse(source, Limits);
        return parsed.IsValid ? null : parsed.Errors[0].ToString();
    }
}

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
            var model = MessageSamples.For(type, settings, options.PublicBaseUrl, now);
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
