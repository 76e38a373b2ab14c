using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Auth.Core.Users.Transfer;

/// <summary>A user record as one JSON object: the export's shape, which an import reads back (plus the hash fields).</summary>
internal static class UserJson
{
    public static void Write(Utf8JsonWriter json, UserRecord r)
    {
        json.WriteStartObject();
        json.WriteString("id", r.Id);
        json.WriteString("email", r.Email);
        json.WriteString("phone", r.Phone);
        json.WriteBoolean("emailVerified", r.EmailVerified);
        json.WriteBoolean("phoneVerified", r.PhoneVerified);
        json.WriteString("name", r.Name);
        json.WritePropertyName("userData");
        if (r.UserData is null) json.WriteNullValue();
        else json.WriteRawValue(r.UserData, skipInputValidation: false);
        json.WriteString("provider", r.Provider);
        json.WriteString("providerUserId", r.ProviderUserId);
        json.WriteString("createdAt", UserExport.Time(r.CreatedAt));
        json.WriteString("lastSignInAt", UserExport.Time(r.LastSignInAt));
        json.WriteBoolean("disabled", r.Disabled);
        json.WriteEndObject();
    }

    /// <summary>The record of one JSON object; the field of the first value of the wrong type is the error.</summary>
    public static UserRecord Read(JsonObject o, Action<string> wrongType)
    {
        string? Text(string name)
        {
            var node = o[name];
            if (node is null) return null;
            if (node is JsonValue v && v.TryGetValue<string>(out var s)) return s;
            if (node is JsonValue n && n.TryGetValue<long>(out var l)) return l.ToString(CultureInfo.InvariantCulture);
            wrongType(name);
            return null;
        }
        bool Flag(string name)
        {
            var node = o[name];
            if (node is null) return false;
            if (node is JsonValue v && v.TryGetValue<bool>(out var b)) return b;
            wrongType(name);
            return false;
        }
        var userData = o["userData"] switch
        {
            null => null,
            JsonObject obj => obj.ToJsonString(),
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => Wrong(wrongType, "userData"),
        };
        return new UserRecord
        {
            Id = Text("id"),
            Email = Text("email"),
            Phone = Text("phone"),
            EmailVerified = Flag("emailVerified"),
            PhoneVerified = Flag("phoneVerified"),
            Name = Text("name"),
            UserData = userData,
            Provider = Text("provider"),
            ProviderUserId = Text("providerUserId"),
            CreatedAt = UserRecordText.Time(Text("createdAt"), "createdAt", wrongType),
            LastSignInAt = UserRecordText.Time(Text("lastSignInAt"), "lastSignInAt", wrongType),
            Disabled = Flag("disabled"),
            PasswordHash = Text("passwordHash"),
            PasswordHashFormat = Text("passwordHashFormat"),
        };
    }

    private static string? Wrong(Action<string> wrongType, string field)
    {
        wrongType(field);
        return null;
    }
}
