using System.Net;
using System.Text.Json.Nodes;

namespace Auth.Runtime.Tests.Infrastructure;

/// <summary>A response read once: status, headers and the JSON body (if any).</summary>
public sealed record ApiResponse(HttpStatusCode Status, JsonNode? Json, string Raw, HttpResponseMessage Message)
{
    public JsonObject? Body => Json as JsonObject;

    public static async Task<ApiResponse> ReadAsync(HttpResponseMessage message)
    {
        var raw = await message.Content.ReadAsStringAsync();
        JsonNode? json = null;
        if (raw.Length > 0 && raw.TrimStart() is ['{' or '[', ..]) json = JsonNode.Parse(raw);
        return new ApiResponse(message.StatusCode, json, raw, message);
    }

    public ApiResponse AssertStatus(HttpStatusCode expected)
    {
        Assert.True(Status == expected, $"Expected {(int)expected} {expected} but got {(int)Status}: {Raw}");
        return this;
    }

    /// <summary>Asserts the error envelope with <paramref name="code"/> and status, and returns the error object.</summary>
    public JsonObject AssertError(HttpStatusCode status, string code)
    {
        AssertStatus(status);
        var errors = Body?["errors"]?.AsArray();
        Assert.NotNull(errors);
        var error = Assert.Single(errors)!.AsObject();
        Assert.Equal(code, error["code"]?.GetValue<string>());
        Assert.Equal((int)status >= 500 ? "server_error" : "client_error", error["origin"]?.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(error["message"]?.GetValue<string>()));
        return error;
    }

    public IEnumerable<string> ValidationFields(HttpStatusCode status = HttpStatusCode.BadRequest) =>
        AssertError(status, "validation_error")["details"]!["fields"]!.AsObject().Select(p => p.Key);
}
