using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Auth.Core.Data.Entities;

namespace Auth.Runtime.Contracts;

/// <summary>The Agnost client API's user object. Fields a user does not have are left out, as in the Agnost client API's examples; never a hash.</summary>
public sealed record UserResponse
{
    [JsonPropertyName("_id")] public required string Id { get; init; }
    public required string Provider { get; init; }
    public required string ProviderUserId { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Email { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Phone { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Name { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ProfilePicture { get; init; }
    public required string SignUpAt { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? LastLoginAt { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? EmailVerified { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? PhoneVerified { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public JsonObject? UserData { get; init; }

    public static UserResponse From(User user) => new()
    {
        Id = user.Id,
        Provider = user.Provider,
        ProviderUserId = user.ProviderUserId,
        Email = user.Email,
        Phone = user.Phone,
        Name = user.Name,
        ProfilePicture = user.ProfilePicture,
        SignUpAt = Iso(user.SignUpAt),
        LastLoginAt = user.LastLoginAt is { } last ? Iso(last) : null,
        EmailVerified = user.Email is null ? null : user.EmailVerified,
        PhoneVerified = user.Phone is null ? null : user.PhoneVerified,
        UserData = user.UserData is null ? null : JsonNode.Parse(user.UserData) as JsonObject,
    };

    /// <summary>The Agnost client API's timestamp format: UTC with milliseconds, e.g. 2022-03-19T13:55:55.772Z.</summary>
    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
