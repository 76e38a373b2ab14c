using System.Buffers.Text;
using System.Text;
using Auth.Core.Sessions;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Core.Tests.Sessions;

/// <summary>A service on a fake clock, plus helpers to hand-craft hostile tokens.</summary>
internal sealed class JwtTestContext
{
    public const string Issuer = "https://auth.example.test";
    public const string Audience = "auth-runtime";

    // Years after any plausible test run: a library that read the real clock would see every token as
    // not yet valid, so a passing round trip proves the injected clock is the one in use.
    public static readonly DateTimeOffset Start = new(2040, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public JwtTestContext(InMemorySigningKeyStore? keys = null, JwtOptions? options = null, DateTimeOffset? now = null)
    {
        Keys = keys ?? new InMemorySigningKeyStore();
        Options = options ?? new JwtOptions { Issuer = Issuer, Audience = Audience };
        Time = new FakeTimeProvider(now ?? Start);
        Service = new SessionTokenService(Keys, Options, Time);
    }

    public InMemorySigningKeyStore Keys { get; }

    public JwtOptions Options { get; }

    public FakeTimeProvider Time { get; }

    public SessionTokenService Service { get; }

    public string Issue(string type = TokenTypes.Session, TimeSpan? lifetime = null) =>
        Service.Issue(new SessionTokenRequest("66322ec0a1b2c3d4e5f6a7b8", "sess-1", lifetime ?? TimeSpan.FromHours(1), type));

    /// <summary>A payload that would pass every claim check, for tokens whose header or signature is the attack.</summary>
    public string ValidPayloadJson()
    {
        var now = Time.GetUtcNow().ToUnixTimeSeconds();
        return $$"""{"sub":"66322ec0a1b2c3d4e5f6a7b8","sid":"sess-1","iss":"{{Issuer}}","aud":"{{Audience}}","iat":{{now}},"nbf":{{now}},"exp":{{now + 3600}}}""";
    }

    public static string B64(string json) => B64(Encoding.UTF8.GetBytes(json));

    public static string B64(byte[] bytes) => Base64Url.EncodeToString(bytes);
}
