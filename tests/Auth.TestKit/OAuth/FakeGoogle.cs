using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Auth.TestKit.OAuth;

/// <summary>Google's OpenID Connect endpoints: authorize, token (client secret in the body, PKCE), userinfo, certs.</summary>
public sealed class FakeGoogle(FakeOAuthServer server) : FakeProvider(server, "google")
{
    public override bool RequiresPkce => true;

    public override object SettingsPatch() => new
    {
        enabled = true, clientId = ClientId, clientSecret = ClientSecret,
        authorizationEndpoint = Url("/o/oauth2/v2/auth"), tokenEndpoint = Url("/token"),
        userInfoEndpoint = Url("/v1/userinfo"), jwksEndpoint = Url("/oauth2/v3/certs"),
    };

    public override void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/google/o/oauth2/v2/auth", context => Authorize(context, RedirectWithQuery).ExecuteAsync(context));
        app.MapPost("/google/token", (Delegate)Token);
        app.MapGet("/google/v1/userinfo", (HttpContext context) => Bearer(context) is { } user
            ? Results.Json(new { sub = user.Id, name = user.Name, email = user.Email, email_verified = user.EmailVerified, picture = user.Picture })
            : Results.Unauthorized());
        app.MapGet("/google/oauth2/v3/certs", () => Results.Content(Server.JwksJson(), "application/json"));
    }

    private async Task<IResult> Token(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        if (form["grant_type"] != "authorization_code") return TokenError("unsupported_grant_type");
        if (form["client_secret"] != ClientSecret) return TokenError("invalid_client", 401);
        var (grant, error) = Redeem(form["code"], form["redirect_uri"], form["client_id"], form["code_verifier"]);
        if (grant is null) return TokenError(error!);
        var idToken = IdToken(grant, "https://accounts.google.com", new Dictionary<string, object>
        {
            ["email"] = grant.User.Email!, ["email_verified"] = grant.User.EmailVerified,
            ["name"] = grant.User.Name!, ["picture"] = grant.User.Picture ?? "https://lh3.googleusercontent.com/a/fake",
        });
        return Results.Json(new
        {
            access_token = IssueAccessToken(grant.User), expires_in = 3599, scope = "openid email profile",
            token_type = "Bearer", id_token = idToken,
        });
    }
}
