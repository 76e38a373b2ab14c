using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Auth.TestKit.OAuth;

/// <summary>X OAuth 2.0: authorize with PKCE, a token endpoint that demands HTTP Basic client auth, and /2/users/me.</summary>
public sealed class FakeTwitter(FakeOAuthServer server) : FakeProvider(server, "twitter")
{
    public override bool RequiresPkce => true;

    public override object SettingsPatch() => new
    {
        enabled = true, clientId = ClientId, clientSecret = ClientSecret,
        authorizationEndpoint = Url("/i/oauth2/authorize"), tokenEndpoint = Url("/2/oauth2/token"), userInfoEndpoint = Url("/2/users/me"),
    };

    public override void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/twitter/i/oauth2/authorize", context => Authorize(context, RedirectWithQuery).ExecuteAsync(context));
        app.MapPost("/twitter/2/oauth2/token", async (HttpContext context) =>
        {
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(ClientId)}:{Uri.EscapeDataString(ClientSecret)}"));
            if (context.Request.Headers.Authorization != expected) return TokenError("unauthorized_client", 401);
            var form = await context.Request.ReadFormAsync();
            if (form["grant_type"] != "authorization_code") return TokenError("invalid_request");
            var (grant, error) = Redeem(form["code"], form["redirect_uri"], form["client_id"], form["code_verifier"]);
            if (grant is null) return TokenError(error!);
            return Results.Json(new { token_type = "bearer", expires_in = 7200, access_token = IssueAccessToken(grant.User), scope = "users.read tweet.read" });
        });
        app.MapGet("/twitter/2/users/me", (HttpContext context) =>
        {
            if (Bearer(context) is not { } user) return Results.Json(new { title = "Unauthorized", type = "about:blank", status = 401, detail = "Unauthorized" }, statusCode: 401);
            var fields = context.Request.Query["user.fields"].ToString();
            return Results.Json(new
            {
                data = new
                {
                    id = user.Id, name = user.Name, username = user.Login ?? "fake_user",
                    profile_image_url = fields.Contains("profile_image_url") ? user.Picture ?? "https://pbs.twimg.com/profile_images/1/fake_normal.jpg" : null,
                },
            });
        });
    }
}
