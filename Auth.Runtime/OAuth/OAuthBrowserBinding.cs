using Auth.Core;
using Auth.Core.Tokens;
using Microsoft.AspNetCore.Http;

namespace Auth.Runtime.OAuth;

/// <summary>
/// The cookie that binds an OAuth <c>state</c> to the browser that started the sign-in, so a callback
/// link carried to another browser (login CSRF) is refused. Its SHA-256 is stored with the state.
/// </summary>
/// <remarks>
/// SameSite=Lax (Secure when the public base URL is https): sent on the top-level GET that brings the
/// browser back from every provider. Apple's form_post is a cross-site POST, which Lax cookies do not
/// survive; rather than SameSite=None (which needs https, so never works in local development),
/// <see cref="OAuthFormPostRelay"/> re-posts the fields from our own origin, a same-site POST that carries it.
/// </remarks>
internal static class OAuthBrowserBinding
{
    public const string CookieName = "auth_oauth_binding";
    private const int ValueLength = 64;

    /// <summary>The browser's binding value, created (and the cookie set) when it has none yet.</summary>
    public static string GetOrCreate(HttpContext context, AuthCoreOptions options)
    {
        var value = Read(context) ?? TokenHashing.RandomHex(ValueLength / 2);
        // Reused while present so that sign-ins started in two tabs both complete; re-set to extend it.
        var secure = options.PublicBaseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        context.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            Secure = secure,
            SameSite = SameSiteMode.Lax,
            Path = "/oauth",
            MaxAge = OAuthStateStore.Lifetime,
            IsEssential = true,
        });
        return value;
    }

    public static string? Read(HttpContext context) =>
        context.Request.Cookies[CookieName] is { Length: ValueLength } value && value.All(char.IsAsciiHexDigitLower) ? value : null;
}
