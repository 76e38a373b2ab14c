using System.Text.Json.Nodes;
using Auth.Core.Errors;
using Auth.Core.Settings;

namespace Auth.Core.SignIn;

/// <summary>Checks shared by every sign-up: name, app data, redirect URL.</summary>
internal static class SignUpInput
{
    public const int MaxNameLength = 256;
    public const int MaxUserDataLength = 16384;

    public static void CheckProfile(string? name, JsonObject? userData, Dictionary<string, string> problems)
    {
        if (name is { Length: > MaxNameLength }) problems["name"] = $"The name is longer than {MaxNameLength} characters.";
        if (userData is not null && userData.ToJsonString().Length > MaxUserDataLength)
            problems["userData"] = $"userData is larger than {MaxUserDataLength} characters of JSON.";
    }

    /// <summary>Null when the redirect URL is allowed; otherwise the contract's error.</summary>
    public static AuthError? CheckRedirect(AuthSettings settings, string? redirectUrl, bool required)
    {
        var resolved = ResolveRedirect(settings, redirectUrl, required);
        return resolved.IsSuccess ? null : resolved.Error;
    }

    /// <summary>The normalised form of an allowed redirect URL (what links redirect to), null when absent and optional.</summary>
    public static Result<string?> ResolveRedirect(AuthSettings settings, string? redirectUrl, bool required)
    {
        if (string.IsNullOrWhiteSpace(redirectUrl))
            return required ? new AuthError(AuthErrors.RedirectUrlMissing, "A redirectURL is required.") : Result<string?>.Success(null);
        var match = RedirectUrlMatcher.Match(settings.RedirectURLs, redirectUrl);
        return match.IsMatch
            ? match.NormalizedCandidate
            // The matcher's reason names the allowed URLs of that origin: fine for the studio's tester, not for any caller.
            : new AuthError(AuthErrors.InvalidRedirectUrl, "The redirect URL is not in the app's allowed redirect URLs.",
                new Dictionary<string, object?> { ["redirectURL"] = redirectUrl });
    }

    public static string? TrimName(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim();
}
