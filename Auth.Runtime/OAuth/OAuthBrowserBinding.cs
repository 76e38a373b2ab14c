using Auth.Core;
using Auth.Core.Tokens;
using Microsoft.AspNetCore.Http;

namespace Auth.Runtime.OAuth;

/// <summary>
/// The cookie that binds an OAuth <c>state</c> to the browser that started the sign-in, so a callback
/// link carried to another browser (login CSRF) is refused. Its SHA-256 is stored with the state.
/// </summary>
/// <remarks>
/// Apple answers with a cross-site form POST, which a SameSite=Lax cookie would not survive. With an
/// https public base URL (which Apple requires anyway) the cookie is <c>SameSite=None; Secure</c>; it
/// authenticates nothing by itself, so being sent cross-site costs nothing. Over plain http (local
/// development) browsers refuse <c>None</c> without <c>Secure</c>, so it is Lax there, which serves
/// every provider but Apple's form_post.
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
            SameSite = secure ? SameSiteMode.None : SameSiteMode.Lax,
            Path = "/oauth",
            MaxAge = OAuthStateStore.Lifetime,
            IsEssential = true,
        });
        return value;
    }

    public static string? Read(HttpContext context) =>
        context.Request.Cookies[CookieName] is { Length: ValueLength } value && value.All(char.IsAsciiHexDigitLower) ? value : null;
}
