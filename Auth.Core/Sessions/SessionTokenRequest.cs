namespace Auth.Core.Sessions;

/// <summary>What <see cref="SessionTokenService.Issue"/> puts into a token.</summary>
/// <param name="UserId">The <c>sub</c> claim.</param>
/// <param name="SessionId">The <c>sid</c> claim: the session row that can be revoked server-side.</param>
/// <param name="Lifetime">From now to <c>exp</c>.</param>
/// <param name="TokenType">The <c>typ</c> header, one of <see cref="TokenTypes"/>.</param>
/// <param name="Amr">The <c>amr</c> claim (RFC 8176 values); left out when null or empty.</param>
public sealed record SessionTokenRequest(
    string UserId, string SessionId, TimeSpan Lifetime, string TokenType = TokenTypes.Session, IReadOnlyList<string>? Amr = null);

