using System.Globalization;
using System.Text;
using Auth.Core.Errors;

namespace Auth.Core.Users;

/// <summary>
/// Length rules for a new password. Length is counted in Unicode text elements (what a person sees as
/// one character: "é" written either way, or an emoji with modifiers, is 1) of the NFKC form that
/// <see cref="PasswordHasher"/> hashes, so the count matches what is actually protected.
/// </summary>
public static class PasswordPolicy
{
    /// <summary>Hard cap in UTF-8 bytes, checked before anything else so huge inputs cost nothing.</summary>
    public const int MaxBytes = 4096;

    /// <summary>True when a password is over the hard cap: refuse it without hashing.</summary>
    public static bool IsOverHardLimit(string password) => Encoding.UTF8.GetByteCount(password) > MaxBytes;

    /// <summary>Returns null when the password is acceptable, else a validation_error naming <paramref name="field"/>.</summary>
    public static AuthError? Check(string? password, int minLength, int maxLength, string field = "password")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, minLength);

        if (string.IsNullOrEmpty(password))
            return AuthError.Validation(field, "A password is required.");

        // Before normalising or counting: both are linear, but there is no reason to do any work on 1 MB of input.
        if (IsOverHardLimit(password))
            return AuthError.Validation(field, "The password is too long.");

        string normalized;
        try
        {
            normalized = password.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return AuthError.Validation(field, "The password contains invalid characters.");
        }

        var length = new StringInfo(normalized).LengthInTextElements;
        if (length < minLength)
            return AuthError.Validation(field, $"The password must be at least {minLength} characters.");
        if (length > maxLength)
            return AuthError.Validation(field, $"The password must be at most {maxLength} characters.");
        return null;
    }
}
