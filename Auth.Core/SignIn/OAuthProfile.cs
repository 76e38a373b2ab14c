namespace Auth.Core.SignIn;

/// <summary>
/// What an OAuth provider told us about the user, normalised across providers.
/// <see cref="EmailVerified"/> is true only where the provider itself says the address is verified.
/// </summary>
public sealed record OAuthProfile(
    string Provider,
    string ProviderUserId,
    string? Email,
    bool EmailVerified,
    string? Name,
    string? ProfilePicture);

/// <summary>A provider sign-in that succeeded: the one-time <c>at-…</c> token for the app, and what happened.</summary>
public sealed record ProviderSignInResult(string UserId, string AccessToken, bool Created)
{
    public const string SignUpAction = "oauth-signup";
    public const string SignInAction = "oauth-signin";

    public string Action => Created ? SignUpAction : SignInAction;
}
