using System.Text.Json;
using System.Text.Json.Nodes;
using Auth.Core.Errors;

namespace Studio.Web.Components.Pages.Users;

/// <summary>The userData box of the user forms: empty is none, anything else must be a JSON object.</summary>
internal static class UserDataText
{
    public static Result<JsonObject?> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Result<JsonObject?>.Success(null);
        try
        {
            return JsonNode.Parse(text) is JsonObject data
                ? Result<JsonObject?>.Success(data)
                : Result<JsonObject?>.Failure(AuthError.Validation("userData", "userData is a JSON object, like {\"plan\": \"pro\"}."));
        }
        catch (JsonException ex)
        {
            return Result<JsonObject?>.Failure(AuthError.Validation("userData", "This is not valid JSON: " + ex.Message));
        }
    }

    public static string Show(string? json) =>
        json is null ? "" : JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    /// <summary>A validation error's fields (field → message); empty for any other error.</summary>
    public static IReadOnlyDictionary<string, string> Fields(AuthError error) =>
        error.Details?.GetValueOrDefault("fields") as IReadOnlyDictionary<string, string> ?? new Dictionary<string, string>();
}
