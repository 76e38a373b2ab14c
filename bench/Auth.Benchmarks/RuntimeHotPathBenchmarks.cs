using Auth.Core.Sessions;
using Auth.Core.Settings;
using BenchmarkDotNet.Attributes;

namespace Auth.Benchmarks;

/// <summary>What every authenticated request or sign-in pays besides the database.</summary>
[MemoryDiagnoser]
public class RuntimeHotPathBenchmarks
{
    private const string Chrome =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private const string IPhone =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

    private readonly List<string> _allowList = [.. Enumerable.Range(0, 20).Select(i => $"https://app{i}.example.com/auth-redirect"), "https://*.preview.example.com/auth/*"];
    private SessionTokenService _tokens = null!;
    private string _token = "";
    private string _settingsJson = "";

    [GlobalSetup]
    public void Setup()
    {
        _tokens = new SessionTokenService(new SingleKeyStore(), new JwtOptions { Issuer = "http://localhost:5000", Audience = "auth-studio" }, TimeProvider.System);
        _token = _tokens.Issue(new SessionTokenRequest("0123456789abcdef01234567", "sid", TimeSpan.FromDays(30)));
        _settingsJson = SettingsJson.Serialize(new AuthSettings());
    }

    [Benchmark]
    public UserAgentInfo ParseUserAgent_Chrome() => UserAgentParser.Parse(Chrome);

    [Benchmark]
    public UserAgentInfo ParseUserAgent_IPhone() => UserAgentParser.Parse(IPhone);

    [Benchmark]
    public string IssueSessionJwt() => _tokens.Issue(new SessionTokenRequest("0123456789abcdef01234567", "sid", TimeSpan.FromDays(30)));

    [Benchmark]
    public Task ValidateSessionJwt() => _tokens.ValidateAsync(_token, TokenTypes.Session);

    [Benchmark]
    public RedirectUrlMatch MatchRedirect_WildcardEntry() => RedirectUrlMatcher.Match(_allowList, "https://pr-42.preview.example.com/auth/callback?x=1");

    /// <summary>The cost of loading a newly published revision (once per publish per node, never per request).</summary>
    [Benchmark]
    public bool ParseSettingsRevision() => SettingsJson.Parse(_settingsJson).IsSuccess;

    private sealed class SingleKeyStore : ISigningKeyStore
    {
        private readonly SigningKeyMaterial _key = SigningKeyMaterial.Generate();
        public SigningKeyMaterial Current => _key;
        public IReadOnlyList<SigningKeyMaterial> ValidationKeys => [_key];
    }
}
