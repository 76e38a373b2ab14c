using System.Net.Mail;

namespace Auth.Core.Settings;

/// <summary>Collects validation messages by JSON path; the first message for a path wins.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Result => _errors;

    public void Add(string path, string message) => _errors.TryAdd(path, message);

    public void Range(string path, int value, int min, int max)
    {
        if (value < min || value > max)
            Add(path, $"Must be between {min} and {max}.");
    }

    public void Required(string path, string? value, string message = "Required.")
    {
        if (string.IsNullOrWhiteSpace(value))
            Add(path, message);
    }

    public void Email(string path, string? value)
    {
        if (IsSet(value) && !IsEmailAddress(value))
            Add(path, "Must be a valid e-mail address such as name@example.com.");
    }

    /// <summary>Endpoint and API base overrides: absolute http(s), nothing a browser could reinterpret.</summary>
    public void HttpUrl(string path, string? value)
    {
        if (!IsSet(value))
            return;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.UserInfo.Length > 0 || uri.Fragment.Length > 0 || value.Any(char.IsWhiteSpace))
            Add(path, "Must be an absolute http:// or https:// URL without user information or fragment.");
    }

    /// <summary>Values that end up in a mail header: CR/LF would let them add headers of their own.</summary>
    public void HeaderText(string path, string? value, int maxLength)
    {
        if (value is null)
            return;
        if (value.Contains('\r', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal))
            Add(path, "Must not contain line breaks.");
        else if (value.Length > maxLength)
            Add(path, $"Must be at most {maxLength} characters.");
    }

    public static bool IsSet([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? value) =>
        !string.IsNullOrWhiteSpace(value);

    // A bare address only: MailAddress also accepts "Name <a@b>", which does not belong in these fields.
    public static bool IsEmailAddress(string value) =>
        value.Length <= 254
        && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
        && MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.DisplayName.Length == 0;
}
