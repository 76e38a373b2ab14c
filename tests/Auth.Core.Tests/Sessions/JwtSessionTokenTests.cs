using Auth.Core.Errors;
using Auth.Core.Sessions;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Auth.Core.Tests.Sessions;

public sealed class JwtSessionTokenTests
{
    private readonly JwtTestContext _ctx = new();

    private static void AssertInvalid(Result<ValidatedToken> result)
    {
        Assert.False(result.IsSuccess);
        Assert.Equal(AuthErrors.InvalidSessionToken, result.Error.Code);
    }

    [Fact]
    public async Task Validate_FreshToken_ReturnsItsClaims()
    {
        var token = _ctx.Issue(lifetime: TimeSpan.FromDays(30));
        _ctx.Time.Advance(TimeSpan.FromDays(29));

        var result = await _ctx.Service.ValidateAsync(token, TokenTypes.Session);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(new ValidatedToken("66322ec0a1b2c3d4e5f6a7b8", "sess-1", JwtTestContext.Start,
            JwtTestContext.Start.AddDays(30)), result.Value);
    }

    [Fact]
    public void Issue_Token_CarriesPinnedHeaderAndStandardClaims()
    {
        var jwt = new JsonWebToken(_ctx.Issue());
        var now = JwtTestContext.Start.ToUnixTimeSeconds();

        Assert.Equal("ES256", jwt.Alg);
        Assert.Equal(TokenTypes.Session, jwt.Typ);
        Assert.Equal(_ctx.Keys.Current.KeyId, jwt.Kid);
        Assert.Equal("66322ec0a1b2c3d4e5f6a7b8", jwt.Subject);
        Assert.Equal("sess-1", jwt.GetPayloadValue<string>("sid"));
        Assert.Equal(JwtTestContext.Issuer, jwt.Issuer);
        Assert.Equal([JwtTestContext.Audience], jwt.Audiences);
        Assert.Equal(now, jwt.GetPayloadValue<long>("iat"));
        Assert.Equal(now, jwt.GetPayloadValue<long>("nbf"));
        Assert.Equal(now + 3600, jwt.GetPayloadValue<long>("exp"));
    }

    [Fact]
    public async Task Validate_ExpiredToken_ReturnsInvalidSessionToken()
    {
        var token = _ctx.Issue(lifetime: TimeSpan.FromHours(1));
        _ctx.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(61));

        AssertInvalid(await _ctx.Service.ValidateAsync(token, TokenTypes.Session));
    }

    [Fact]
    public async Task Validate_ExpiredWithinClockSkew_ReturnsToken()
    {
        var token = _ctx.Issue(lifetime: TimeSpan.FromHours(1));
        _ctx.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(59));

        Assert.True((await _ctx.Service.ValidateAsync(token, TokenTypes.Session)).IsSuccess);
    }

    [Fact]
    public async Task Validate_SameTokenAfterClockMoves_UsesTheNewTime()
    {
        // Nothing in the long-lived handler may remember the instant of an earlier validation.
        var token = _ctx.Issue(lifetime: TimeSpan.FromMinutes(5));
        Assert.True((await _ctx.Service.ValidateAsync(token, TokenTypes.Session)).IsSuccess);

        _ctx.Time.Advance(TimeSpan.FromMinutes(7));

        AssertInvalid(await _ctx.Service.ValidateAsync(token, TokenTypes.Session));
    }

    [Fact]
    public async Task Validate_ExpiredWithZeroSkew_ReturnsInvalidSessionToken()
    {
        var strict = new JwtTestContext(_ctx.Keys, _ctx.Options with { ClockSkew = TimeSpan.Zero });
        var token = strict.Issue(lifetime: TimeSpan.FromHours(1));
        strict.Time.Advance(TimeSpan.FromHours(1));

        AssertInvalid(await strict.Service.ValidateAsync(token, TokenTypes.Session));
    }

    [Fact]
    public async Task Validate_NotYetValidBeyondSkew_ReturnsInvalidSessionToken()
    {
        var later = new JwtTestContext(_ctx.Keys, now: JwtTestContext.Start.AddSeconds(61));
        var withinSkew = new JwtTestContext(_ctx.Keys, now: JwtTestContext.Start.AddSeconds(59));

        AssertInvalid(await _ctx.Service.ValidateAsync(later.Issue(), TokenTypes.Session));
        Assert.True((await _ctx.Service.ValidateAsync(withinSkew.Issue(), TokenTypes.Session)).IsSuccess);
    }

    [Fact]
    public async Task Validate_WrongAudience_ReturnsInvalidSessionToken()
    {
        var other = new JwtTestContext(_ctx.Keys, _ctx.Options with { Audience = "another-app" });

        AssertInvalid(await _ctx.Service.ValidateAsync(other.Issue(), TokenTypes.Session));
    }

    [Fact]
    public async Task Validate_WrongIssuer_ReturnsInvalidSessionToken()
    {
        var other = new JwtTestContext(_ctx.Keys, _ctx.Options with { Issuer = "https://evil.example.test" });

        AssertInvalid(await _ctx.Service.ValidateAsync(other.Issue(), TokenTypes.Session));
    }

    [Fact]
    public async Task Validate_OperatorTokenAsSession_ReturnsInvalidSessionToken()
    {
        var operatorToken = _ctx.Issue(TokenTypes.Operator);

        AssertInvalid(await _ctx.Service.ValidateAsync(operatorToken, TokenTypes.Session));
        AssertInvalid(await _ctx.Service.ValidateAsync(_ctx.Issue(), TokenTypes.Operator));
        Assert.True((await _ctx.Service.ValidateAsync(operatorToken, TokenTypes.Operator)).IsSuccess);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Validate_NullOrBlank_ReturnsMissingSessionToken(string? token)
    {
        var result = await _ctx.Service.ValidateAsync(token, TokenTypes.Session);

        Assert.Equal(AuthErrors.MissingSessionToken, result.Error?.Code);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("a.b")]
    [InlineData("....")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9.e30.")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9.bm90IGpzb24.AAAA")]
    [InlineData("a.b.c.d.e")]
    public async Task Validate_Garbage_ReturnsInvalidSessionToken(string token)
    {
        AssertInvalid(await _ctx.Service.ValidateAsync(token, TokenTypes.Session));
    }

    [Fact]
    public async Task Validate_OversizedToken_ReturnsInvalidSessionToken()
    {
        var token = _ctx.Issue();
        var parts = token.Split('.');
        var padded = $"{parts[0]}.{parts[1]}{new string('A', 20_000)}.{parts[2]}";

        AssertInvalid(await _ctx.Service.ValidateAsync(padded, TokenTypes.Session));
    }
}
