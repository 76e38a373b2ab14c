using System.Security.Claims;
using Auth.Core.Data.Entities;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Studio.Web.Security;

public enum OperatorMatch
{
    Same,
    RoleChanged,
    Gone,
}

/// <summary>The studio's cookie sign-in: scheme, paths and the claims an operator carries.</summary>
public static class StudioAuth
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string CookieName = "studio_auth";
    public const string SignInPath = "/signin";
    public const string SetupPath = "/setup";
    public const string SignOutPath = "/signout";
    public const string NotAllowedPath = "/not-allowed";
    public const string PasswordPath = "/account/password";
    public const string StampClaim = "studio_stamp";
    /// <summary>The operator's own authenticator page; the only page open while <see cref="MustEnrolClaim"/> is on the principal.</summary>
    public const string TwoStepPath = "/account/two-step";
    /// <summary>Present while the Owner's policy requires an authenticator this operator hasn't got (ADR 0021).</summary>
    public const string MustEnrolClaim = "studio_must_enrol";
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromHours(8);

    public static ClaimsPrincipal CreatePrincipal(Operator op, bool mustEnrol = false)
    {
        ArgumentNullException.ThrowIfNull(op);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, op.Id),
                new Claim(ClaimTypes.Name, op.Email),
                new Claim(ClaimTypes.Role, op.Role.ToString()),
                new Claim(StampClaim, op.SecurityStamp ?? ""),
            ],
            Scheme);
        if (mustEnrol) identity.AddClaim(new Claim(MustEnrolClaim, "1"));
        return new ClaimsPrincipal(identity);
    }

    public static bool MustEnrol(ClaimsPrincipal principal) => principal?.HasClaim(c => c.Type == MustEnrolClaim) == true;

    /// <summary>
    /// Whether a signed-in principal still matches its operator: the password hasn't changed since (stamp), the
    /// role is the same and so is whether they must enrol an authenticator first. Null operator (removed) never matches.
    /// </summary>
    public static OperatorMatch Match(ClaimsPrincipal principal, Operator? op, bool mustEnrol = false)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (op is null) return OperatorMatch.Gone;
        if (op.SecurityStamp is not null && principal.FindFirstValue(StampClaim) != op.SecurityStamp) return OperatorMatch.Gone;
        return principal.IsInRole(op.Role.ToString()) && MustEnrol(principal) == mustEnrol ? OperatorMatch.Same : OperatorMatch.RoleChanged;
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
