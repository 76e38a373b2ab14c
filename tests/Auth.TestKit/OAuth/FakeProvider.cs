using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth.TestKit.OAuth;

/// <summary>A provider account the fake signs in.</summary>
public sealed record FakeUser(string Id, string? Name, string? Email, bool EmailVerified, string? Picture = null, string? Login = null)
{
    public static FakeUser Random(string provider) => new(
        provider == "github" ? System.Random.Shared.NextInt64(1_000_000, 9_000_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : Guid.NewGuid().ToString("N")[..20],
        $"{provider} user", $"{provider}-{Guid.NewGuid():N}@example.com", true);
}

/// <summary>What an authorization request remembered until its code is redeemed.</summary>
public sealed record FakeGrant(string ClientId, string RedirectUri, string? CodeChallenge, string? Nonce, FakeUser User);

/// <summary>What the next step of the fake should do instead of succeeding.</summary>
public enum IdTokenTamper { None, WrongNonce, WrongAudience, WrongIssuer, Expired, WrongKey, ExtraAudienceWithoutAzp, ExtraAudienceWrongAzp, ExtraAudienceWithAzp }

/// <summary>
/// The part every fake shares: an authorize endpoint that consents at once (or reports an error) and
/// redirects back with a code and the state; a token endpoint that checks the client, the code, the
/// redirect URI and the PKCE verifier; access tokens that the profile endpoints accept.
/// </summary>
public abstract class FakeProvider(FakeOAuthServer server, string name)
{
    protected readonly ConcurrentDictionary<string, FakeGrant> Codes = new(StringComparer.Ordinal);
    protected readonly ConcurrentDictionary<string, FakeUser> AccessTokens = new(StringComparer.Ordinal);

    public string Name { get; } = name;
    public FakeOAuthServer Server { get; } = server;
    public string ClientId { get; } = $"{name}-client-{Guid.NewGuid():N}"[..24];
    public string ClientSecret { get; } = $"{name}-secret-{Guid.NewGuid():N}";

    /// <summary>Who consents at the next authorize request.</summary>
    public FakeUser NextUser { get; set; } = FakeUser.Random(name);

    /// <summary>An OAuth error code (access_denied, server_error…) the next authorize request answers with.</summary>
    public string? NextAuthorizeError { get; set; }

    /// <summary>Makes the next token request fail with invalid_grant.</summary>
    public bool FailNextToken { get; set; }

    public IdTokenTamper Tamper { get; set; }

    /// <summary>Every authorize request's query, for assertions on state and PKCE.</summary>
    public ConcurrentQueue<IQueryCollection> AuthorizeRequests { get; } = new();

    public int TokenRequests;

    /// <summary>Whether this provider's fake demands PKCE (S256), as the runtime must send it.</summary>
    public abstract bool RequiresPkce { get; }

    public string Url(string path) => $"{Server.BaseUrl}/{Name}{path}";

    public abstract object SettingsPatch();

    public abstract void Map(IEndpointRouteBuilder app);

    /// <summary>The shared authorize logic; <paramref name="respond"/> sends the parameters back (query redirect or form_post).</summary>
    protected IResult Authorize(HttpContext context, Func<string, IReadOnlyDictionary<string, string>, IResult> respond)
    {
        var q = context.Request.Query;
        AuthorizeRequests.Enqueue(q);
        if (q["client_id"] != ClientId) return Results.BadRequest("unknown client_id");
        var redirectUri = q["redirect_uri"].ToString();
        if (redirectUri.Length == 0) return Results.BadRequest("redirect_uri required");
        var state = q["state"].ToString();
        if (state.Length == 0) return Results.BadRequest("state required");
        var challenge = q["code_challenge"].ToString();
        if (RequiresPkce && (challenge.Length == 0 || q["code_challenge_method"] != "S256"))
            return Results.BadRequest("PKCE S256 required");

        if (NextAuthorizeError is { } error)
        {
            NextAuthorizeError = null;
            return respond(redirectUri, new Dictionary<string, string> { ["error"] = error, ["error_description"] = "fake says no", ["state"] = state });
        }

        var code = "code-" + Guid.NewGuid().ToString("N");
        Codes[code] = new FakeGrant(ClientId, redirectUri, challenge.Length == 0 ? null : challenge, NullIfEmpty(q["nonce"]), NextUser);
        return respond(redirectUri, new Dictionary<string, string> { ["code"] = code, ["state"] = state });
    }

    protected static IResult RedirectWithQuery(string redirectUri, IReadOnlyDictionary<string, string> values)
    {
        var query = string.Join('&', values.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return Results.Redirect(redirectUri + (redirectUri.Contains('?') ? "&" : "?") + query);
    }

    /// <summary>Checks a token request's code, redirect URI, client id and PKCE verifier; null error means the grant is good.</summary>
    protected (FakeGrant? Grant, string? Error) Redeem(string? code, string? redirectUri, string? clientId, string? verifier)
    {
        Interlocked.Increment(ref TokenRequests);
        if (FailNextToken)
        {
            FailNextToken = false;
            return (null, "invalid_grant");
        }
        if (code is null || !Codes.TryRemove(code, out var grant)) return (null, "invalid_grant");
        if (clientId != grant.ClientId) return (null, "invalid_client");
        if (redirectUri != grant.RedirectUri) return (null, "invalid_grant");
        if (grant.CodeChallenge is not null)
        {
            if (string.IsNullOrEmpty(verifier)) return (null, "invalid_grant");
            var computed = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
            if (computed != grant.CodeChallenge) return (null, "invalid_grant");
        }
        else if (RequiresPkce) return (null, "invalid_request");
        return (grant, null);
    }

    protected string IssueAccessToken(FakeUser user)
    {
        var token = $"{Name}-at-{Guid.NewGuid():N}";
        AccessTokens[token] = user;
        return token;
    }

    protected FakeUser? Bearer(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) && AccessTokens.TryGetValue(header[7..], out var user) ? user : null;
    }

    /// <summary>An RS256 ID token as Google and Apple issue them, optionally tampered with.</summary>
    protected string IdToken(FakeGrant grant, string issuer, IDictionary<string, object> claims)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(Server.Time.GetUtcNow().ToUnixTimeSeconds());
        var payload = new Dictionary<string, object>(claims) { ["sub"] = grant.User.Id };
        if (grant.Nonce is not null) payload["nonce"] = Tamper == IdTokenTamper.WrongNonce ? "not-the-nonce" : grant.Nonce;
        SecurityKey key = Server.IdTokenKey;
        if (Tamper == IdTokenTamper.WrongKey) key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = Server.IdTokenKey.KeyId };
        var extraAudience = Tamper is IdTokenTamper.ExtraAudienceWithoutAzp or IdTokenTamper.ExtraAudienceWrongAzp or IdTokenTamper.ExtraAudienceWithAzp;
        if (extraAudience) payload["aud"] = new[] { grant.ClientId, "another-client" };
        if (Tamper == IdTokenTamper.ExtraAudienceWrongAzp) payload["azp"] = "another-client";
        if (Tamper == IdTokenTamper.ExtraAudienceWithAzp) payload["azp"] = grant.ClientId;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Tamper == IdTokenTamper.WrongIssuer ? "https://evil.example" : issuer,
            Audience = extraAudience ? null : Tamper == IdTokenTamper.WrongAudience ? "someone-else" : grant.ClientId,
            IssuedAt = now.UtcDateTime.AddMinutes(Tamper == IdTokenTamper.Expired ? -120 : 0),
            Expires = now.UtcDateTime.AddMinutes(Tamper == IdTokenTamper.Expired ? -60 : 60),
            Claims = payload,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    protected static IResult TokenError(string error, int status = 400) =>
        Results.Json(new Dictionary<string, string> { ["error"] = error, ["error_description"] = "fake token endpoint refused" }, statusCode: status);

    protected static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>The body of an HTML page that POSTs <paramref name="values"/> to <paramref name="action"/> (Apple's form_post).</summary>
    protected static IResult FormPost(string action, IReadOnlyDictionary<string, string> values)
    {
        var inputs = string.Concat(values.Select(p =>
            $"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(p.Key)}\" value=\"{WebUtility.HtmlEncode(p.Value)}\">"));
        var html = $"<!doctype html><html><body onload=\"document.forms[0].submit()\"><form method=\"post\" action=\"{WebUtility.HtmlEncode(action)}\">{inputs}</form></body></html>";
        return Results.Content(html, "text/html");
    }
}
