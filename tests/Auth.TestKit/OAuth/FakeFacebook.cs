using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Auth.TestKit.OAuth;

/// <summary>Facebook Login: dialog/oauth, a GET access_token exchange, and Graph /me with fields and appsecret_proof.</summary>
public sealed class FakeFacebook(FakeOAuthServer server) : FakeProvider(server, "facebook")
{
    public override bool RequiresPkce => true;

    public override object SettingsPatch() => new
    {
        enabled = true, clientId = ClientId, clientSecret = ClientSecret,
        authorizationEndpoint = Url("/v21.0/dialog/oauth"), tokenEndpoint = Url("/v21.0/oauth/access_token"), userInfoEndpoint = Url("/v21.0/me"),
    };

    public override void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/facebook/v21.0/dialog/oauth", context => Authorize(context, RedirectWithQuery).ExecuteAsync(context));
        app.MapGet("/facebook/v21.0/oauth/access_token", (HttpContext context) =>
        {
            var q = context.Request.Query;
            if (q["client_secret"] != ClientSecret) return GraphError("Error validating client secret.", 400);
            var (grant, error) = Redeem(q["code"], q["redirect_uri"], q["client_id"], q["code_verifier"]);
            if (grant is null) return GraphError($"Invalid verification code format ({error}).", 400);
            return Results.Json(new { access_token = IssueAccessToken(grant.User), token_type = "bearer", expires_in = 5183944 });
        });
        app.MapGet("/facebook/v21.0/me", (HttpContext context) =>
        {
            var q = context.Request.Query;
            var token = q["access_token"].ToString();
            if (!AccessTokens.TryGetValue(token, out var user)) return GraphError("Invalid OAuth access token.", 401);
            var proof = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ClientSecret), Encoding.UTF8.GetBytes(token)));
            if (q["appsecret_proof"] != proof) return GraphError("Invalid appsecret_proof provided in the API argument", 400);
            if (q["fields"] != "id,name,email,picture") return GraphError("Unexpected fields.", 400);
            return Results.Json(new
            {
                id = user.Id, name = user.Name, email = user.Email,
                picture = new { data = new { height = 50, is_silhouette = false, url = user.Picture ?? $"https://platform-lookaside.fbsbx.com/platform/profilepic/?asid={user.Id}", width = 50 } },
            });
        });
    }

    private static IResult GraphError(string message, int status) =>
        Results.Json(new { error = new { message, type = "OAuthException", code = 190, fbtrace_id = "fake" } }, statusCode: status);
}
