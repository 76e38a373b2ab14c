using Auth.Core;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.SignIn;
using Auth.Core.Tokens;
using Microsoft.Extensions.Logging;

namespace Auth.Runtime.OAuth;

/// <summary>
/// The two legs of an OAuth sign-in. Start: check provider, credentials and redirect URL, remember
/// the sign-in under a fresh state, send the browser to the provider. Callback: consume the state,
/// exchange the code, find or create the user, send the browser back to the app with a one-time
/// access token. Every failure after a trustworthy redirect URL is known goes back to the app as
/// <c>status</c>, <c>code</c> and <c>error</c>; before that, it is an error response of our own.
/// </summary>
internal sealed partial class OAuthFlow(
    OAuthProviderRegistry providers,
    ISettingsReader settingsReader,
    OAuthStateStore states,
    SignInWithProvider signIn,
    IAuthUrls urls,
    ILogger<OAuthFlow> logger)
{

    public async Task<OAuthOutcome> StartAsync(string providerName, string? redirect, Func<string> browserBinding, CancellationToken ct)
    {
        var settings = settingsReader.Current.Settings;
        var provider = providers.Find(providerName);
        var providerSettings = provider is null ? null : settings.Providers.Get(provider.Name);

        AuthError? error = null;
        if (provider is null)
            error = new AuthError(AuthErrors.UnsupportedOAuthProvider, $"'{Shorten(providerName)}' is not a supported OAuth provider.",
                new Dictionary<string, object?> { ["supported"] = ProvidersSettings.Names });
        else if (providerSettings is null || !provider.IsConfigured(providerSettings))
            error = NotConfigured(provider);

        // The redirect decides where errors can go: only to an allowed URL.
        var target = AllowedRedirect(settings, redirect);
        if (target is null)
            return OAuthOutcome.Fail(error ?? (string.IsNullOrWhiteSpace(redirect)
                ? new AuthError(AuthErrors.RedirectUrlMissing, "A redirect URL is required: /oauth/{provider}?redirect=URL.")
                : new AuthError(AuthErrors.InvalidRedirectUrl, "The redirect URL is not allowed.",
                    new Dictionary<string, object?> { ["redirectURL"] = redirect })));
        if (error is not null)
            return OAuthOutcome.Redirect(urls.BackWithError(target, error));

        var verifier = provider!.UsesPkce ? Pkce.NewVerifier() : null;
        var nonce = provider.UsesNonce ? TokenHashing.RandomHex(16) : null;
        var state = await states.IssueAsync(new OAuthPendingSignIn(provider.Name, target, verifier, nonce), browserBinding(), ct);
        var url = provider.BuildAuthorizationUrl(providerSettings!, new OAuthAuthorizeRequest(
            urls.OAuthCallback(provider.Name), state, verifier is null ? null : Pkce.Challenge(verifier), nonce));
        return OAuthOutcome.Redirect(url);
    }

    public async Task<OAuthOutcome> CompleteAsync(
        string providerName, IReadOnlyDictionary<string, string> parameters, string? browserBinding, CancellationToken ct)
    {
        var provider = providers.Find(providerName);
        if (provider is null)
            return OAuthOutcome.Fail(new AuthError(AuthErrors.UnsupportedOAuthProvider, "This is not a supported OAuth provider."));

        var consumed = await states.ConsumeAsync(parameters.GetValueOrDefault("state"), browserBinding, ct);
        var settings = settingsReader.Current.Settings;
        // Checked again: the allow-list may have changed since the sign-in started.
        var target = AllowedRedirect(settings, consumed.RedirectUrl);
        if (consumed.SignIn is not { } pending)
            return Back(target, consumed.Error!);
        if (!string.Equals(pending.Provider, provider.Name, StringComparison.Ordinal))
            return Back(target, new AuthError(AuthErrors.InvalidOAuthState, "The sign-in state belongs to another provider."));

        if (parameters.GetValueOrDefault("error") is { } providerError)
            return Back(target, providerError is "access_denied" or "user_cancelled_authorize"
                ? new AuthError(AuthErrors.OAuthAccessDenied, "The sign-in was cancelled at the provider.")
                : OAuthHttp.Failed($"The provider reported an error ({OAuthHttp.Sanitize(providerError)})."));

        var providerSettings = settings.Providers.Get(provider.Name);
        if (providerSettings is null || !provider.IsConfigured(providerSettings))
            return Back(target, NotConfigured(provider));
        if (parameters.GetValueOrDefault("code") is not { Length: > 0 and <= 2048 } code)
            return Back(target, OAuthHttp.Failed("The provider sent no authorization code."));

        Result<OAuthProfile> profile;
        try
        {
            profile = await provider.CompleteAsync(providerSettings,
                new OAuthCallbackRequest(code, urls.OAuthCallback(provider.Name), pending.CodeVerifier, pending.Nonce, parameters), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogProviderFailure(logger, ex, provider.Name);
            profile = OAuthHttp.Failed("The sign-in with the provider failed.");
        }
        if (!profile.IsSuccess) return Back(target, profile.Error);

        var result = await signIn.ExecuteAsync(profile.Value, ct);
        if (!result.IsSuccess) return Back(target, result.Error);
        return target is null
            ? OAuthOutcome.Fail(new AuthError(AuthErrors.InvalidRedirectUrl, "The redirect URL is no longer allowed."))
            : OAuthOutcome.Redirect(urls.BackWithAccessToken(target, result.Value.AccessToken, result.Value.Action));
    }

    private OAuthOutcome Back(string? target, AuthError error) =>
        target is null ? OAuthOutcome.Fail(error) : OAuthOutcome.Redirect(urls.BackWithError(target, error));

    private static string? AllowedRedirect(AuthSettings settings, string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        var match = RedirectUrlMatcher.Match(settings.RedirectURLs, url);
        return match.IsMatch ? match.NormalizedCandidate : null;
    }

    private static AuthError NotConfigured(IOAuthProvider provider) =>
        new(AuthErrors.OAuthProviderNotConfigured, $"Sign-in with {provider.Name} is not enabled for this app.");

    private static string Shorten(string value) => value.Length <= 32 ? value : value[..32] + "…";

    [LoggerMessage(Level = LogLevel.Warning, Message = "OAuth sign-in with {Provider} failed unexpectedly")]
    private static partial void LogProviderFailure(ILogger logger, Exception ex, string provider);
}
