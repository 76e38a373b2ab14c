namespace Auth.Core.Data.Entities;

/// <summary>An end user of the app. Email and phone are stored as given and in normalised form.</summary>
public sealed class User : IPasswordAccount
{
    public const string LocalProvider = "local";

    public required string Id { get; set; }
    public required string Provider { get; set; }
    public required string ProviderUserId { get; set; }
    public string? Email { get; set; }
    /// <summary>Lower-case, NFC, punycode domain: the uniqueness key.</summary>
    public string? NormalizedEmail { get; set; }
    /// <summary>E.164; already canonical, so it is its own uniqueness key.</summary>
    public string? Phone { get; set; }
    private string? _name;

    /// <summary>Setting it keeps <see cref="NormalizedName"/> in step (EF reads and writes the field directly).</summary>
    public string? Name
    {
        get => _name;
        set
        {
            _name = value;
            NormalizedName = Users.UserSearchText.NormalizeName(value);
        }
    }

    /// <summary>The name folded for case-insensitive prefix search (indexed); see <see cref="Users.UserSearchText"/>.</summary>
    public string? NormalizedName { get; set; }
    public string? ProfilePicture { get; set; }
    public string? PasswordHash { get; set; }
    public bool EmailVerified { get; set; }
    public bool PhoneVerified { get; set; }
    public bool Disabled { get; set; }
    /// <summary>App-defined JSON object given at sign-up.</summary>
    public string? UserData { get; set; }
    public DateTime SignUpAt { get; set; }
    /// <summary>
    /// Made by an operator (created in the studio or the API, or imported), not by a sign-up: an operator is no squatter,
    /// so the unverified-account purge (ADR 0007) leaves it alone.
    /// </summary>
    public bool CreatedByOperator { get; set; }
    public DateTime? LastLoginAt { get; set; }
    public int FailedSignInCount { get; set; }
    public DateTime? LockoutEndsAt { get; set; }
}
