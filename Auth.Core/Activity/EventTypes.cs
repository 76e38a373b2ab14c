namespace Auth.Core.Activity;

/// <summary>The stable names of activity events (the API's <c>type</c> filter); add, never rename.</summary>
public static class EventTypes
{
    public const string SignUp = "user.signup";
    /// <summary>A sign-up with an identifier already taken, answered as a new sign-up under enumeration protection.</summary>
    public const string SignUpRefused = "user.signup_refused";
    /// <summary>A session was opened; <c>detail.method</c> says how (pwd, email link, sms code, oauth + provider, totp).</summary>
    public const string SignIn = "user.signin";
    /// <summary>A refused sign-in; <c>detail.code</c> is the error code answered.</summary>
    public const string SignInFailed = "user.signin_failed";
    /// <summary>A wrong password reached the lockout threshold and locked the account.</summary>
    public const string LockedOut = "user.locked";
    public const string PasswordChanged = "user.password_changed";
    public const string PasswordReset = "user.password_reset";
    public const string EmailVerified = "user.email_verified";
    public const string PhoneVerified = "user.phone_verified";
    /// <summary>Sessions ended (sign-out, sign-out everywhere, an operator's revoke); <c>detail.count</c> of them.</summary>
    public const string SessionsRevoked = "user.sessions_revoked";
    public const string MessageSent = "message.sent";
    public const string MessageFailed = "message.failed";

    public const string OperatorSignIn = "operator.signin";
    public const string OperatorSignInFailed = "operator.signin_failed";
    public const string OperatorAdded = "operator.added";
    public const string OperatorRemoved = "operator.removed";
    public const string SettingsSaved = "settings.saved";
    public const string SettingsImported = "settings.imported";
    public const string SettingsPublished = "settings.published";
    public const string SettingsRolledBack = "settings.rolled_back";
    public const string UserDisabled = "user.disabled";
    public const string UserEnabled = "user.enabled";
    /// <summary>An operator vouched for an identifier; <c>detail.channel</c> is email or phone.</summary>
    public const string UserVerified = "user.verified";
    public const string UserDeleted = "user.deleted";
    public const string UserCreated = "user.created";
    /// <summary>An operator edited a user; <c>detail.fields</c> names the fields (never their values).</summary>
    public const string UserUpdated = "user.updated";
    public const string UserInvited = "user.invited";
    public const string UserResetSent = "user.reset_sent";
    public const string UserUnlocked = "user.unlocked";

    /// <summary>Every type, for the studio's filter.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        SignUp, SignUpRefused, SignIn, SignInFailed, LockedOut, PasswordChanged, PasswordReset, EmailVerified, PhoneVerified, SessionsRevoked,
        MessageSent, MessageFailed, OperatorSignIn, OperatorSignInFailed, OperatorAdded, OperatorRemoved, SettingsSaved,
        SettingsImported, SettingsPublished, SettingsRolledBack, UserDisabled, UserEnabled, UserVerified, UserDeleted,
        UserCreated, UserUpdated, UserInvited, UserResetSent, UserUnlocked,
    ];
}

/// <summary>Who did it.</summary>
public static class ActorTypes
{
    public const string User = "user";
    public const string Operator = "operator";
    public const string System = "system";
}
