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
