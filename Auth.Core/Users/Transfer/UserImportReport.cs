namespace Auth.Core.Users.Transfer;

/// <summary>Why one row was not imported: its 1-based number, the field, a stable code and a sentence.</summary>
public sealed record UserImportRowError(int Row, string Field, string Code, string Message);

/// <summary>
/// What an import did (or, with <see cref="DryRun"/>, would do): rows read, users created, rows whose user already
/// exists (by e-mail, phone, provider id or id: a second import of a file creates nothing), rows refused.
/// <see cref="Errors"/> lists the first <see cref="UserImport.MaxListedErrors"/> refusals.
/// </summary>
public sealed record UserImportReport(
    int Rows, int Created, int Existing, int Failed, bool DryRun, IReadOnlyList<UserImportRowError> Errors, bool ErrorsTruncated);

/// <summary>The stable codes of row errors (besides the runtime's own: validation_error, phone_number_not_allowed…).</summary>
public static class ImportRowCodes
{
    /// <summary>Another row of the same file has this e-mail, phone, provider id or id.</summary>
    public const string DuplicateInFile = "duplicate_in_file";
    /// <summary>The row's identifiers belong to different existing users, or its id to a user with other identifiers.</summary>
    public const string Conflict = "conflict";
    /// <summary>The password hash is not a well-formed hash of a supported format (pbkdf2, identity-v3, bcrypt).</summary>
    public const string UnsupportedPasswordHash = "unsupported_password_hash";
}
