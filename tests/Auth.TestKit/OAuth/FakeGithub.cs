using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Auth.TestKit.OAuth;

/// <summary>
/// GitHub: login/oauth/authorize and access_token (form-encoded answer unless JSON is accepted; errors
/// come back as 200 with an error field, as GitHub does), the REST /user and /user/emails.
/// </summary>
public sealed class FakeGithub(FakeOAuthServer server) : FakeProvider(server, "github")
{
    public override bool RequiresPkce => true;

    /// <summary>The address list /user/emails returns for a user; by default the user's e-mail as primary.</summary>
    public Func<FakeUser, object[]>? Emails { get; set; }

    public override object SettingsPatch() => new
    {
        enabled = true, clientId = ClientId, clientSecret = ClientSecret,
        authorizationEndpoint = Url("/login/oauth/authorize"), tokenEndpoint = Url("/login/oauth/access_token"), userInfoEndpoint = Url("/api/user"),
    };

    public override void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/github/login/oauth/authorize", context => Authorize(context, RedirectWithQuery).ExecuteAsync(context));
        app.MapPost("/github/login/oauth/access_token", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var json = context.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal);
            Dictionary<string, string> answer;
            if (form["client_secret"] != ClientSecret) answer = new() { ["error"] = "incorrect_client_credentials" };
            else
            {
                var (grant, error) = Redeem(form["code"], form["redirect_uri"], form["client_id"], form["code_verifier"]);
                answer = grant is null
                    ? new() { ["error"] = error == "invalid_grant" ? "bad_verification_code" : error!, ["error_description"] = "The code passed is incorrect or expired." }
                    : new() { ["access_token"] = IssueAccessToken(grant.User), ["token_type"] = "bearer", ["scope"] = "read:user,user:email" };
            }
            return json
                ? Results.Json(answer)
                : Results.Content(string.Join('&', answer.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}")), "application/x-www-form-urlencoded");
        });
        app.MapGet("/github/api/user", (HttpContext context) =>
        {
            if (string.IsNullOrEmpty(context.Request.Headers.UserAgent)) return Results.StatusCode(403);
            if (Bearer(context) is not { } user) return Results.Json(new { message = "Bad credentials", status = "401" }, statusCode: 401);
            return Results.Json(new
            {
                login = user.Login ?? "octo-" + user.Id, id = long.Parse(user.Id, System.Globalization.CultureInfo.InvariantCulture),
                node_id = "MDQ6VXNlcjE=", avatar_url = user.Picture ?? $"https://avatars.githubusercontent.com/u/{user.Id}?v=4",
                type = "User", name = user.Name, email = (string?)null,
            });
        });
        app.MapGet("/github/api/user/emails", (HttpContext context) =>
        {
            if (Bearer(context) is not { } user) return Results.Json(new { message = "Bad credentials" }, statusCode: 401);
            var emails = Emails?.Invoke(user) ?? (user.Email is null ? [] :
            [
                new { email = "old-" + user.Email, primary = false, verified = true, visibility = (string?)null },
                new { email = user.Email, primary = true, verified = user.EmailVerified, visibility = (string?)"private" },
            ]);
            return Results.Json(emails);
        });
    }
}
