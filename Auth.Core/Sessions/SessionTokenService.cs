using Auth.Core.Errors;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Auth.Core.Sessions;

/// <summary>
/// Issues and validates ES256 session JWTs. Validation pins algorithm, issuer, audience, <c>typ</c>,
/// signature and lifetime, and reports failures as <c>invalid_session_token</c>, never as an exception.
/// Thread-safe; register as a singleton.
/// </summary>
public sealed class SessionTokenService
{
    private const string SessionIdClaim = "sid";
    private const string AmrClaim = "amr";

    // Ours are ~500 bytes; the library default (250 kB) would let a caller make us parse far more.
    private const int MaxTokenLength = 8 * 1024;

    private static readonly AuthError Missing = new(AuthErrors.MissingSessionToken, "A session token is required.");
    private static readonly AuthError Invalid = new(AuthErrors.InvalidSessionToken, "The session token is not valid.");

    private readonly ISigningKeyStore _keys;
    private readonly JwtOptions _options;
    private readonly TimeProvider _time;

    // One handler per service. Its only time-dependent behaviour is stamping default iat/nbf/exp from
    // DateTime.UtcNow on creation, which is switched off: every time below comes from _time, and each
    // validation builds fresh parameters carrying _time, so nothing cached in the handler sees a clock.
    private readonly JsonWebTokenHandler _handler = new()
    {
        SetDefaultTimesOnTokenCreation = false,
        MapInboundClaims = false,
        MaximumTokenSizeInBytes = MaxTokenLength,
    };

    public SessionTokenService(ISigningKeyStore keys, JwtOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Issuer, "options.Issuer");
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Audience, "options.Audience");
        _keys = keys;
        _options = options;
        _time = time;
    }

    public string Issue(SessionTokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.UserId, "request.UserId");
        ArgumentException.ThrowIfNullOrWhiteSpace(request.SessionId, "request.SessionId");
        ArgumentException.ThrowIfNullOrWhiteSpace(request.TokenType, "request.TokenType");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(request.Lifetime, TimeSpan.Zero, "request.Lifetime");

        // JWT times are whole seconds; truncating here makes ValidatedToken report exactly what was issued.
        var now = DateTimeOffset.FromUnixTimeSeconds(_time.GetUtcNow().ToUnixTimeSeconds());
        var key = _keys.Current;
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = request.UserId,
            [SessionIdClaim] = request.SessionId,
        };
        if (request.Amr is { Count: > 0 } amr) claims[AmrClaim] = amr.ToArray();
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            TokenType = request.TokenType,
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + request.Lifetime).UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key.Key, SigningKeyMaterial.Algorithm),
        });
    }

    /// <summary>
    /// Checks a token of <paramref name="expectedType"/> (one of <see cref="TokenTypes"/>).
    /// Null or blank gives <c>missing_session_token</c>; anything else wrong, <c>invalid_session_token</c>.
    /// </summary>
    public async Task<Result<ValidatedToken>> ValidateAsync(string? token, string expectedType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expectedType);
        if (string.IsNullOrWhiteSpace(token))
            return Missing;

        // Read the keys outside the try: a failing store is an outage to report, not a bad token.
        var parameters = CreateParameters(expectedType, _keys.ValidationKeys);
        try
        {
            var result = await _handler.ValidateTokenAsync(token, parameters);
            if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt
                || string.IsNullOrEmpty(jwt.Subject)
                || !jwt.TryGetPayloadValue<string>(SessionIdClaim, out var sessionId) || string.IsNullOrEmpty(sessionId)
                || !jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Iat, out var issuedAt))
                return Invalid;

            return new ValidatedToken(jwt.Subject, sessionId, DateTimeOffset.FromUnixTimeSeconds(issuedAt),
                new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
        }
        catch (Exception)
        {
            // The handler reports most failures in the result but throws for some malformed input; whatever
            // the token contains, the caller gets invalid_session_token, never a 500.
            return Invalid;
        }
    }

    private TokenValidationParameters CreateParameters(string expectedType, IReadOnlyList<SigningKeyMaterial> keys) => new()
    {
        ValidAlgorithms = [SigningKeyMaterial.Algorithm],
        ValidTypes = [expectedType],
        ValidateIssuer = true,
        ValidIssuer = _options.Issuer,
        ValidateAudience = true,
        RequireAudience = true,
        ValidAudience = _options.Audience,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = _options.ClockSkew,
        // TokenValidationParameters.TimeProvider is internal in IdentityModel 8.23, so the library's own
        // check would read DateTime.UtcNow; this delegate replaces it and reads the injected clock.
        LifetimeValidator = ValidateLifetime,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        // The kid picks exactly one key, by our rule rather than the library's matching heuristics (x5t,
        // try-all fallbacks) that have shifted between versions. Ours always carry a kid, so a token
        // without a matching one is not ours, and a bogus token costs at most one signature check.
        IssuerSigningKeyResolver = (_, _, kid, _) => ResolveKey(keys, kid),
        TryAllIssuerSigningKeys = false,
    };

    private static SecurityKey[] ResolveKey(IReadOnlyList<SigningKeyMaterial> keys, string? kid)
    {
        if (string.IsNullOrEmpty(kid))
            return [];
        foreach (var key in keys)
        {
            if (string.Equals(key.KeyId, kid, StringComparison.Ordinal))
                return [key.Key];
        }
        return [];
    }

    // RFC 7519: reject on or after exp, and before nbf; both widened by the clock skew. A delegate may
    // replace the library's RequireExpirationTime check too, so a missing exp is refused here as well.
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        if (expires is not { } exp)
            return false;
        var now = _time.GetUtcNow().UtcDateTime;
        var skew = _options.ClockSkew;
        if (notBefore is { } nbf && (nbf > exp || nbf > now + skew))
            return false;
        return exp > now - skew;
    }
}
