using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Auth.Core.Data.Entities;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.SignIn;

namespace Auth.Core.Users.Transfer;

/// <summary>
/// One row against the runtime's rules (e-mail and phone format and policy, name and userData size, an id's shape, a
/// known hash format), giving the user to insert or the row's first error. Uniqueness is checked by the caller.
/// </summary>
internal static partial class UserImportRowCheck
{
    public static (User? User, UserImportRowError? Error) Check(UserFileRow line, AuthSettings settings, DateTime now, TimeProvider time)
    {
        var r = line.Record;
        UserImportRowError Fail(string field, string code, string message) => new(line.Row, field, code, message);
        if (line.WrongField is { } wrong) return (null, Fail(wrong, AuthErrors.ValidationError, $"The value of {wrong} is not of the expected type or form."));

        var provider = string.IsNullOrWhiteSpace(r.Provider) ? User.LocalProvider : r.Provider.Trim();
        var local = provider == User.LocalProvider;
        if (!ProviderName().IsMatch(provider)) return (null, Fail("provider", AuthErrors.ValidationError, "The provider is not a valid provider name."));
        if (!local && string.IsNullOrWhiteSpace(r.ProviderUserId))
            return (null, Fail("providerUserId", AuthErrors.ValidationError, "A provider's user needs the provider's user id."));
        if (!local && r.PasswordHash is not null)
            return (null, Fail("passwordHash", AuthErrors.ValidationError, "A provider's user signs in at the provider and has no password."));
        if (r.ProviderUserId is { Length: > 256 }) return (null, Fail("providerUserId", AuthErrors.ValidationError, "The provider's user id is too long."));
        if (local && r.Email is null && r.Phone is null)
            return (null, Fail("email", AuthErrors.ValidationError, "A user needs an e-mail address or a phone number."));
        if (r.Id is not null && !UserId.IsValid(r.Id))
            return (null, Fail("id", AuthErrors.ValidationError, "An id is 24 lower-case hex characters."));

        NormalizedEmail? email = null;
        if (r.Email is not null)
        {
            var normalized = EmailAddress.Normalize(r.Email);
            if (!normalized.IsSuccess) return (null, Fail("email", normalized.Error!.Code, FieldMessage(normalized.Error, "email")));
            email = normalized.Value;
        }
        string? phone = null;
        if (r.Phone is not null)
        {
            var normalized = PhoneNumber.NormalizeE164(r.Phone);
            if (!normalized.IsSuccess) return (null, Fail("phone", normalized.Error!.Code, FieldMessage(normalized.Error, "phone")));
            if (PhoneNumberPolicy.Check(settings.Phone, normalized.Value!) is { } refused) return (null, Fail("phone", refused.Code, refused.Message));
            phone = normalized.Value;
        }
        if (r.EmailVerified && email is null) return (null, Fail("emailVerified", AuthErrors.ValidationError, "There is no e-mail address to be verified."));
        if (r.PhoneVerified && phone is null) return (null, Fail("phoneVerified", AuthErrors.ValidationError, "There is no phone number to be verified."));
        var name = SignUpInput.TrimName(r.Name);
        if (name is { Length: > SignUpInput.MaxNameLength })
            return (null, Fail("name", AuthErrors.ValidationError, $"The name is longer than {SignUpInput.MaxNameLength} characters."));
        var userData = CheckUserData(r.UserData, out var userDataError);
        if (userDataError is not null) return (null, Fail("userData", AuthErrors.ValidationError, userDataError));

        string? hash = null;
        if (r.PasswordHash is not null)
        {
            hash = ImportedPasswordHashes.ToStored(r.PasswordHashFormat, r.PasswordHash.Trim());
            if (hash is null || hash.Length > 256)
                return (null, Fail("passwordHash", ImportRowCodes.UnsupportedPasswordHash,
                    "The password hash is not a well-formed pbkdf2, identity-v3 or bcrypt hash."));
        }
        if (r.CreatedAt > now) return (null, Fail("createdAt", AuthErrors.ValidationError, "createdAt is in the future."));
        if (r.LastSignInAt > now) return (null, Fail("lastSignInAt", AuthErrors.ValidationError, "lastSignInAt is in the future."));

        var id = r.Id ?? UserId.New(time);
        return (new User
        {
            Id = id,
            Provider = provider,
            ProviderUserId = local ? id : r.ProviderUserId!.Trim(),
            Email = email?.Display,
            NormalizedEmail = email?.Normalized,
            Phone = phone,
            EmailVerified = r.EmailVerified,
            PhoneVerified = r.PhoneVerified,
            Name = name,
            UserData = userData,
            PasswordHash = hash,
            Disabled = r.Disabled,
            SignUpAt = r.CreatedAt ?? now,
            LastLoginAt = r.LastSignInAt,
            CreatedByOperator = true,
        }, null);
    }

    /// <summary>A validation error's own sentence for the field (the envelope's message is the generic one).</summary>
    private static string FieldMessage(AuthError error, string field) =>
        error.Details?.GetValueOrDefault("fields") is IReadOnlyDictionary<string, string> fields
            && (fields.GetValueOrDefault(field) ?? fields.Values.FirstOrDefault()) is { } message
            ? message
            : error.Message;

    /// <summary>userData must be a JSON object within the sign-up's size limit; it is stored compact.</summary>
    private static string? CheckUserData(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            if (JsonNode.Parse(text) is not JsonObject o)
            {
                error = "userData must be a JSON object.";
                return null;
            }
            var compact = o.ToJsonString();
            if (compact.Length > SignUpInput.MaxUserDataLength) error = $"userData is larger than {SignUpInput.MaxUserDataLength} characters of JSON.";
            return compact;
        }
        catch (JsonException)
        {
            error = "userData is not valid JSON.";
            return null;
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex ProviderName();
}
