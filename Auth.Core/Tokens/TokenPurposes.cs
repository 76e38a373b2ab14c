namespace Auth.Core.Tokens;

/// <summary>What a one-time token is for. A token issued for one purpose never redeems for another.</summary>
public static class TokenPurposes
{
    public const string AccessToken = "access-token";
    public const string StudioSetup = "studio-setup";
    public const string ConfirmEmail = "confirm-email";
    public const string MagicLink = "magic-link";
    public const string ResetPassword = "reset-password";
    public const string ChangeEmail = "change-email";
    public const string VerifyPhone = "verify-phone";
    public const string SignInCode = "signin-code";
    public const string ResetPasswordCode = "reset-password-code";
    public const string ChangePhone = "change-phone";
    public const string OAuthState = "oauth-state";
    /// <summary>A studio sign-in between the password and the authenticator code; <c>Data</c> holds the operator id.</summary>
    public const string OperatorSecondStep = "operator-second-step";
}
