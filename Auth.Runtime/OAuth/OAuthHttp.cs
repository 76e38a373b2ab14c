using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Auth.Core.Errors;

namespace Auth.Runtime.OAuth;

/// <summary>How a token request authenticates the client and travels (RFC 6749 §2.3.1 and §4.1.3).</summary>
internal enum ClientAuthentication
{
    /// <summary><c>client_id</c> and <c>client_secret</c> in the form body.</summary>
    Body,

    /// <summary>HTTP Basic with the URL-encoded id and secret (X requires this of confidential clients).</summary>
    Basic,
}

/// <summary>A code-for-token request. <see cref="UseGet"/> sends the parameters in the query (Facebook's documented form).</summary>
internal sealed record TokenRequest(
    string Endpoint, string ClientId, string? ClientSecret, string Code, string RedirectUri, string? CodeVerifier,
    ClientAuthentication Authentication = ClientAuthentication.Body, bool UseGet = false);

/// <summary>
/// The HTTP shared by every provider: the code exchange and authenticated JSON reads. Network failures,
/// timeouts, error statuses and malformed bodies all become <c>oauth_failed</c>, never an exception.
/// </summary>
internal sealed class OAuthHttp(IHttpClientFactory factory)
{
    public const string ClientName = "auth-oauth";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    public const long MaxResponseBytes = 256 * 1024;

    public async Task<Result<JsonObject>> ExchangeCodeAsync(TokenRequest request, CancellationToken ct)
    {
        var form = new List<KeyValuePair<string, string?>>
        {
            new("grant_type", "authorization_code"),
            new("code", request.Code),
            new("redirect_uri", request.RedirectUri),
            new("client_id", request.ClientId),
        };
        if (request.Authentication == ClientAuthentication.Body) form.Add(new("client_secret", request.ClientSecret));
        if (request.CodeVerifier is not null) form.Add(new("code_verifier", request.CodeVerifier));

        using var message = request.UseGet
            ? new HttpRequestMessage(HttpMethod.Get, OAuthUrl.WithQuery(request.Endpoint, form))
            : new HttpRequestMessage(HttpMethod.Post, request.Endpoint)
            {
                Content = new FormUrlEncodedContent(form.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key, p.Value!))),
            };
        if (request.Authentication == ClientAuthentication.Basic)
        {
            var pair = $"{Uri.EscapeDataString(request.ClientId)}:{Uri.EscapeDataString(request.ClientSecret ?? "")}";
            message.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }

        var response = await SendAsync(message, "token", ct);
        if (!response.IsSuccess) return response.Error;
        if (response.Value is not JsonObject token)
            return Failed("The provider's token response is not a JSON object.");
        if (Text(token, "error") is { } error)
            return Failed($"The provider refused the code ({Sanitize(error)}).");
        if (Text(token, "access_token") is null && Text(token, "id_token") is null)
            return Failed("The provider's token response has no access token.");
        return token;
    }

    /// <summary>GET a JSON document with the user's access token (Bearer unless <paramref name="bearer"/> is null).</summary>
    public async Task<Result<JsonNode>> GetJsonAsync(string url, string? bearer, CancellationToken ct, string? accept = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, url);
        if (bearer is not null) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (accept is not null)
        {
            message.Headers.Accept.Clear();
            message.Headers.Accept.ParseAdd(accept);
        }
        return await SendAsync(message, "profile", ct);
    }

    private async Task<Result<JsonNode>> SendAsync(HttpRequestMessage message, string what, CancellationToken ct)
    {
        if (message.Headers.Accept.Count == 0) message.Headers.Accept.ParseAdd("application/json");
        var client = factory.CreateClient(ClientName);
        try
        {
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            JsonNode? json = null;
            try
            {
                json = body.Length == 0 ? null : JsonNode.Parse(body);
            }
            catch (JsonException)
            {
                // Reported below with the status.
            }

            if (!response.IsSuccessStatusCode)
            {
                var error = json is JsonObject o ? Text(o, "error") ?? (o["error"] as JsonObject is { } e ? Text(e, "type") : null) : null;
                return Failed($"The provider's {what} endpoint answered {(int)response.StatusCode}{(error is null ? "" : $" ({Sanitize(error)})")}.");
            }
            return json is null ? Failed($"The provider's {what} response is not JSON.") : json;
        }
        catch (HttpRequestException)
        {
            return Failed($"The provider's {what} endpoint could not be reached.");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return Failed($"The provider's {what} endpoint did not answer in time.");
        }
    }

    public static string? Text(JsonObject? json, string name) =>
        json?[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    /// <summary>A provider id may be a JSON number (GitHub) or string (everyone else).</summary>
    public static string? Id(JsonObject? json, string name) => json?[name] switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length > 0 ? s : null,
        JsonValue v when v.TryGetValue<long>(out var n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>True only for a JSON <c>true</c>; a missing flag or one of another type is false.</summary>
    public static bool IsTrue(JsonObject? json, string name) => json?[name] is JsonValue v && v.TryGetValue<bool>(out var flag) && flag;

    public static AuthError Failed(string message) => new(AuthErrors.OAuthFailed, message);

    // Provider error codes end up in messages and redirect URLs; keep them to what an error code looks like.
    public static string Sanitize(string value)
    {
        var clean = new string(value.Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.').Take(64).ToArray());
        return clean.Length == 0 ? "error" : clean;
    }
}
