using System.Text.Json.Nodes;
using Auth.Core.Errors;
using Auth.Core.Settings;
using Auth.Core.SignIn;

namespace Auth.Runtime.OAuth.Providers;

/// <summary>
/// The authorization-code flow as every provider runs it: a client id and secret, the authorize URL with
/// the standard parameters, and the code exchanged at the token endpoint (the settings may override both
/// endpoints). A provider adds its endpoints, scope and flags, any parameter or token-request form of its
/// own, and how it reads the profile.
/// </summary>
internal abstract class CodeFlowProvider(OAuthHttp http) : IOAuthProvider
{
    protected OAuthHttp Http { get; } = http;

    public abstract string Name { get; }

    /// <summary>The provider as failure messages name it.</summary>
    protected abstract string DisplayName { get; }

    protected abstract string DefaultAuthorizationEndpoint { get; }

    protected abstract string DefaultTokenEndpoint { get; }

    protected abstract string Scope { get; }

    public virtual bool UsesPkce => true;

    public virtual bool UsesNonce => false;

    /// <summary>Null leaves <c>response_type</c> out of the authorize URL.</summary>
    protected virtual string? ResponseType => "code";

    /// <summary>Sent after <c>response_type</c>.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraAuthorizationParameters => [];

    public virtual bool IsConfigured(OAuthProviderSettings settings) =>
        settings.Enabled && OAuthUrl.IsSet(settings.ClientId) && OAuthUrl.IsSet(settings.ClientSecret);

    // The nonce and the PKCE challenge are null unless the provider uses them, and null values are left out.
    public string BuildAuthorizationUrl(OAuthProviderSettings settings, OAuthAuthorizeRequest request) =>
        OAuthUrl.WithQuery(OAuthUrl.Endpoint(settings.AuthorizationEndpoint, DefaultAuthorizationEndpoint),
        [
            new("client_id", settings.ClientId),
            new("redirect_uri", request.CallbackUrl),
            new("response_type", ResponseType),
            .. ExtraAuthorizationParameters,
            new("scope", Scope),
            new("state", request.State),
            new("nonce", request.Nonce),
            new("code_challenge", request.CodeChallenge),
            new("code_challenge_method", request.CodeChallenge is null ? null : Pkce.Method),
        ]);

    public abstract Task<Result<OAuthProfile>> CompleteAsync(OAuthProviderSettings settings, OAuthCallbackRequest request, CancellationToken ct);

    /// <summary>The code-for-token request: the client secret in the body, and the PKCE verifier when the provider uses PKCE.</summary>
    protected virtual TokenRequest TokenRequest(OAuthProviderSettings settings, OAuthCallbackRequest request) =>
        new(OAuthUrl.Endpoint(settings.TokenEndpoint, DefaultTokenEndpoint), settings.ClientId!, settings.ClientSecret,
            request.Code, request.CallbackUrl, UsesPkce ? request.CodeVerifier : null);

    protected Task<Result<JsonObject>> ExchangeCodeAsync(OAuthProviderSettings settings, OAuthCallbackRequest request, CancellationToken ct) =>
        Http.ExchangeCodeAsync(TokenRequest(settings, request), ct);

    protected Result<string> AccessToken(JsonObject token) =>
        OAuthHttp.Text(token, "access_token") is { } accessToken ? accessToken : OAuthHttp.Failed($"{DisplayName} sent no access token.");

    /// <summary>The code exchange for providers whose profile is read from their API with the access token.</summary>
    protected async Task<Result<string>> ExchangeForAccessTokenAsync(
        OAuthProviderSettings settings, OAuthCallbackRequest request, CancellationToken ct)
    {
        var token = await ExchangeCodeAsync(settings, request, ct);
        return token.IsSuccess ? AccessToken(token.Value) : token.Error;
    }
}
