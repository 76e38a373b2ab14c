using Auth.Core.Data.Entities;
using Auth.Core.Errors;

namespace Auth.Core.SignIn;

/// <summary>The refusals several flows give, each worded in one place.</summary>
internal static class SignInErrors
{
    public static AuthError EmailAuthDisabled() => new(AuthErrors.NotAllowed, "E-mail authentication is disabled.");

    public static AuthError PhoneAuthDisabled() => new(AuthErrors.NotAllowed, "Phone number authentication is disabled.");

    public static AuthError AccountDisabled() => new(AuthErrors.NotAllowed, "This account is disabled.");

    public static AuthError EmailNotVerified() => new(AuthErrors.EmailNotVerified, "The e-mail address has not been verified yet.");

    public static AuthError PhoneNotVerified() => new(AuthErrors.PhoneNotVerified, "The phone number has not been verified yet.");

    public static AuthError NoPassword(User user) =>
        new(AuthErrors.InvalidProviderSignIn, $"This account signs in with {user.Provider}, not with a password.");

    public static AuthError EmailTaken() => new(AuthErrors.EmailNotUnique, "A user with this e-mail address already exists.");

    public static AuthError PhoneTaken() => new(AuthErrors.PhoneNotUnique, "A user with this phone number already exists.");
}
