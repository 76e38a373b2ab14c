namespace Auth.Core.Users.Transfer;

/// <summary>The two file formats users move in and out in.</summary>
public enum UserFileFormat
{
    Csv,
    Json,
}

/// <summary>
/// One user as an export writes it and an import reads it. Never a hash, secret, factor or passkey on the way out;
/// an import may add <see cref="PasswordHash"/> and <see cref="PasswordHashFormat"/> (ADR 0020).
/// </summary>
public sealed record UserRecord
{
    public string? Id { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public bool EmailVerified { get; init; }
    public bool PhoneVerified { get; init; }
    public string? Name { get; init; }
    /// <summary>The app's JSON object, as JSON text.</summary>
    public string? UserData { get; init; }
    public string? Provider { get; init; }
    public string? ProviderUserId { get; init; }
    public DateTime? CreatedAt { get; init; }
    public DateTime? LastSignInAt { get; init; }
    public bool Disabled { get; init; }
    public string? PasswordHash { get; init; }
    public string? PasswordHashFormat { get; init; }

    /// <summary>The export's columns, in order (an import reads them by name, in any order).</summary>
    public static readonly IReadOnlyList<string> ExportColumns =
    [
        "id", "email", "phone", "emailVerified", "phoneVerified", "name", "userData", "provider", "providerUserId",
        "createdAt", "lastSignInAt", "disabled",
    ];

    public static UserFileFormat? ParseFormat(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        "csv" => UserFileFormat.Csv,
        "json" => UserFileFormat.Json,
        _ => null,
    };

    public static UserRecord From(Data.Entities.User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new UserRecord
        {
            Id = user.Id,
            Email = user.Email,
            Phone = user.Phone,
            EmailVerified = user.EmailVerified,
            PhoneVerified = user.PhoneVerified,
            Name = user.Name,
            UserData = user.UserData,
            Provider = user.Provider,
            ProviderUserId = user.ProviderUserId,
            CreatedAt = user.SignUpAt,
            LastSignInAt = user.LastLoginAt,
            Disabled = user.Disabled,
        };
    }
}
