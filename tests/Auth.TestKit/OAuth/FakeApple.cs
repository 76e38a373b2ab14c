using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth.TestKit.OAuth;

/// <summary>
/// Sign in with Apple: authorize answers with a form_post page (code, state and, on an account's first
/// authorisation, the <c>user</c> JSON with the name); the token endpoint verifies the ES256 client-secret
/// JWT with the public half of the .p8 key; ID tokens carry email_verified as the string "true".
/// </summary>
public sealed class FakeApple : FakeProvider
{
    private readonly ECDsa _p8 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ConcurrentDictionary<string, bool> _authorizedBefore = new(StringComparer.Ordinal);

    public FakeApple(FakeOAuthServer server) : base(server, "apple")
    {
        PrivateKeyPem = _p8.ExportPkcs8PrivateKeyPem();
    }

    public string TeamId { get; } = "TEAM" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
    public string KeyId { get; } = "KEY" + Guid.NewGuid().ToString("N")[..7].ToUpperInvariant();
    public string PrivateKeyPem { get; }

    /// <summary>The last client secret the token endpoint accepted, decoded.</summary>
    public JsonWebToken? LastClientSecret { get; private set; }

    public override bool RequiresPkce => false;

    public override object SettingsPatch() => new
    {
        enabled = true, clientId = ClientId, teamId = TeamId, keyId = KeyId, privateKey = PrivateKeyPem,
        authorizationEndpoint = Url("/auth/authorize"), tokenEndpoint = Url("/auth/token"), jwksEndpoint = Url("/auth/keys"),
    };

    public override void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/apple/auth/authorize", context =>
        {
            if (context.Request.Query["response_mode"] != "form_post") return Results.BadRequest("form_post expected").ExecuteAsync(context);
            return Authorize(context, (redirectUri, values) =>
            {
                var fields = new Dictionary<string, string>(values);
                if (values.ContainsKey("code") && _authorizedBefore.TryAdd(NextUser.Id, true) && NextUser.Name is { } name)
                {
                    var parts = name.Split(' ', 2);
                    fields["user"] = JsonSerializer.Serialize(new { name = new { firstName = parts[0], lastName = parts.Length > 1 ? parts[1] : "" }, email = NextUser.Email });
                }
                if (fields.TryGetValue("error", out var error) && error == "access_denied") fields["error"] = "user_cancelled_authorize";
                return FormPost(redirectUri, fields);
            }).ExecuteAsync(context);
        });
        app.MapPost("/apple/auth/token", (Delegate)Token);
        app.MapGet("/apple/auth/keys", () => Results.Content(Server.JwksJson(), "application/json"));
    }

    private async Task<IResult> Token(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        if (form["grant_type"] != "authorization_code") return TokenError("unsupported_grant_type");
        if (!await ClientSecretIsValidAsync(form["client_secret"], form["client_id"])) return TokenError("invalid_client");
        var (grant, error) = Redeem(form["code"], form["redirect_uri"], form["client_id"], form["code_verifier"]);
        if (grant is null) return TokenError(error!);
        var idToken = IdToken(grant, "https://appleid.apple.com", new Dictionary<string, object>
        {
            ["email"] = grant.User.Email!, ["email_verified"] = grant.User.EmailVerified ? "true" : "false",
            ["is_private_email"] = "false", ["auth_time"] = Server.Time.GetUtcNow().ToUnixTimeSeconds(),
        });
        return Results.Json(new
        {
            access_token = IssueAccessToken(grant.User), token_type = "Bearer", expires_in = 3600,
            refresh_token = "r-" + Guid.NewGuid().ToString("N"), id_token = idToken,
        });
    }

    private async Task<bool> ClientSecretIsValidAsync(string? secret, string? clientId)
    {
        if (string.IsNullOrEmpty(secret)) return false;
        var publicKey = new ECDsaSecurityKey(ECDsa.Create(_p8.ExportParameters(false))) { KeyId = KeyId };
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(secret, new TokenValidationParameters
        {
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidIssuer = TeamId,
            ValidAudience = "https://appleid.apple.com",
            IssuerSigningKey = publicKey,
            LifetimeValidator = (nbf, exp, _, _) =>
                exp is { } e && e > Server.Time.GetUtcNow().UtcDateTime && e <= Server.Time.GetUtcNow().UtcDateTime.AddMonths(6),
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt) return false;
        if (jwt.Kid != KeyId || jwt.Subject != clientId || jwt.Subject != ClientId) return false;
        LastClientSecret = jwt;
        return true;
    }
}
