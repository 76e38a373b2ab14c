using System.Security.Claims;
using Auth.Core.Data.Entities;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Studio.Web.Security;

/// <summary>The studio's cookie sign-in: scheme, paths and the claims an operator carries.</summary>
public static class StudioAuth
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string CookieName = "studio_auth";
    public const string SignInPath = "/signin";
    public const string SetupPath = "/setup";
    public const string SignOutPath = "/signout";
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromHours(8);

    public static ClaimsPrincipal CreatePrincipal(Operator op)
    {
        ArgumentNullException.ThrowIfNull(op);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, op.Id), new Claim(ClaimTypes.Name, op.Email)],
            Scheme);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>
    /// A return URL from the query string, only when it stays on this site: a path, not "//host"
    /// or "/\host" (browsers read both as another origin), and never back to the sign-in pages.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl[0] != '/' || returnUrl.Length > 2048) return "/";
        if (returnUrl.Length > 1 && returnUrl[1] is '/' or '\\') return "/";
        if (returnUrl.Any(char.IsControl)) return "/";
        var path = returnUrl.Split('?', '#')[0];
        return path.Equals(SignInPath, StringComparison.OrdinalIgnoreCase) || path.Equals(SetupPath, StringComparison.OrdinalIgnoreCase)
            ? "/"
            : returnUrl;
    }
}
