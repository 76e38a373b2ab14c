using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Auth.TestKit.OAuth;

/// <summary>Discord: oauth2/authorize, api/oauth2/token (PKCE), api/users/@me with an avatar hash and verified flag.</summary>
public sealed class FakeDiscord(FakeOAuthServer server) : FakeProvider(server, "discord")
{
    public const string AvatarHash = "8342729096ea3675442027381ff50dfe";

    public override bool RequiresPkce => true;

    public override object SettingsPatch() => new
    {
        enabled = true, clientId = ClientId, clientSecret = ClientSecret,
        authorizationEndpoint = Url("/oauth2/authorize"), tokenEndpoint = Url("/api/oauth2/token"), userInfoEndpoint = Url("/api/users/@me"),
    };

    public override void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/discord/oauth2/authorize", context => Authorize(context, RedirectWithQuery).ExecuteAsync(context));
        app.MapPost("/discord/api/oauth2/token", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            if (form["client_secret"] != ClientSecret) return TokenError("invalid_client", 401);
            var (grant, error) = Redeem(form["code"], form["redirect_uri"], form["client_id"], form["code_verifier"]);
            if (grant is null) return TokenError(error!);
            return Results.Json(new
            {
                access_token = IssueAccessToken(grant.User), token_type = "Bearer", expires_in = 604800,
                refresh_token = "r-" + Guid.NewGuid().ToString("N"), scope = "identify email",
            });
        });
        app.MapGet("/discord/api/users/@me", (HttpContext context) =>
        {
            if (Bearer(context) is not { } user) return Results.Json(new { message = "401: Unauthorized", code = 0 }, statusCode: 401);
            return Results.Json(new
            {
                id = user.Id, username = user.Login ?? "fakeuser", discriminator = "0", global_name = user.Name,
                avatar = AvatarHash, verified = user.EmailVerified, email = user.Email, mfa_enabled = false, locale = "en-US",
            });
        });
    }
}
