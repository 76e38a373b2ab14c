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
    /// <summary>Operator second factor (ADR 0021); <c>detail.operatorId</c> is the operator concerned.</summary>
    public const string OperatorMfaEnrolled = "operator.mfa_enrolled";
    public const string OperatorMfaRemoved = "operator.mfa_removed";
    /// <summary>An Owner removed another operator's authenticator and recovery codes.</summary>
    public const string OperatorMfaReset = "operator.mfa_reset";
    public const string OperatorRecoveryCodesReplaced = "operator.recovery_codes_replaced";
    public const string OperatorRecoveryCodeUsed = "operator.recovery_code_used";
    /// <summary>A refused second step (wrong code, locked); <c>detail.code</c> is the error code answered.</summary>
    public const string OperatorMfaFailed = "operator.mfa_failed";
    /// <summary>The Owner's "require an authenticator for every operator"; <c>detail.method</c> is <c>required</c> or <c>optional</c>.</summary>
    public const string OperatorMfaPolicyChanged = "operator.mfa_policy_changed";
    public const string SettingsSaved = "settings.saved";
    public const string SettingsImported = "settings.imported";
    public const string SettingsPublished = "settings.published";
    public const string SettingsRolledBack = "settings.rolled_back";
    public const string UserDisabled = "user.disabled";
    public const string UserEnabled = "user.enabled";
    /// <summary>An operator vouched for an identifier; <c>detail.channel</c> is email or phone.</summary>
    public const string UserVerified = "user.verified";
    public const string UserDeleted = "user.deleted";
    /// <summary>An operator removed the user's second factors and recovery codes; <c>detail.count</c> is the sessions ended.</summary>
    public const string MfaReset = "user.mfa_reset";
    /// <summary>A passkey was removed, by the user (with proof) or an operator.</summary>
    public const string PasskeyRemoved = "user.passkey_removed";
    /// <summary>An operator created a user (the studio or the management API); a user's own sign-up is <see cref="SignUp"/>.</summary>
    public const string UserCreated = "user.created";
    /// <summary>An operator downloaded every user; <c>detail.count</c> and <c>detail.format</c>, never a hash.</summary>
    public const string UsersExported = "users.exported";
    /// <summary>One batch of a user import: <c>detail.count</c> created, <c>existing</c>, <c>failed</c>, <c>format</c>.</summary>
    public const string UsersImported = "users.imported";
    /// <summary>An operator edited a user; <c>detail.fields</c> names the fields (never their values).</summary>
    public const string UserUpdated = "user.updated";
    public const string UserInvited = "user.invited";
    public const string UserResetSent = "user.reset_sent";
    public const string UserUnlocked = "user.unlocked";

    /// <summary>Every type, for the studio's filter.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        SignUp, SignUpRefused, SignIn, SignInFailed, LockedOut, PasswordChanged, PasswordReset, EmailVerified, PhoneVerified, SessionsRevoked,
        MessageSent, MessageFailed, OperatorSignIn, OperatorSignInFailed, OperatorAdded, OperatorRemoved,
        OperatorMfaEnrolled, OperatorMfaRemoved, OperatorMfaReset, OperatorRecoveryCodesReplaced, OperatorRecoveryCodeUsed, OperatorMfaFailed,
        OperatorMfaPolicyChanged, SettingsSaved,
        SettingsImported, SettingsPublished, SettingsRolledBack, UserDisabled, UserEnabled, UserVerified, UserDeleted, UserCreated,
        MfaReset, PasskeyRemoved, UsersExported, UsersImported,
        UserUpdated, UserInvited, UserResetSent, UserUnlocked,
    ];
}

/// <summary>Who did it.</summary>
public static class ActorTypes
{
    public const string User = "user";
    public const string Operator = "operator";
    public const string System = "system";
}
