using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Auth.TestKit.OAuth;

/// <summary>
/// One real Kestrel server on 127.0.0.1 hosting a fake of each provider under its own prefix
/// (<c>/google</c>, <c>/apple</c>, …), each speaking that provider's wire format. Reachable by
/// HttpClient and by Chromium alike.
/// </summary>
public sealed class FakeOAuthServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeOAuthServer(WebApplication app, TimeProvider time)
    {
        _app = app;
        Time = time;
        IdTokenKey = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "fake-rsa-" + Guid.NewGuid().ToString("N")[..8] };
        Google = new FakeGoogle(this);
        Apple = new FakeApple(this);
        Facebook = new FakeFacebook(this);
        Twitter = new FakeTwitter(this);
        Github = new FakeGithub(this);
        Discord = new FakeDiscord(this);
    }

    public TimeProvider Time { get; }
    public string BaseUrl { get; private set; } = "";

    /// <summary>The key Google's and Apple's fakes sign ID tokens with, published at their JWKS URLs.</summary>
    public RsaSecurityKey IdTokenKey { get; }

    public FakeGoogle Google { get; }
    public FakeApple Apple { get; }
    public FakeFacebook Facebook { get; }
    public FakeTwitter Twitter { get; }
    public FakeGithub Github { get; }
    public FakeDiscord Discord { get; }

    public IEnumerable<FakeProvider> All => [Google, Apple, Facebook, Twitter, Github, Discord];

    public FakeProvider this[string name] => All.Single(p => p.Name == name);

    public static async Task<FakeOAuthServer> StartAsync(TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeOAuthServer(app, time);
        foreach (var provider in server.All) provider.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        return server;
    }

    /// <summary>The JWKS document publishing <see cref="IdTokenKey"/>'s public half.</summary>
    public string JwksJson()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(IdTokenKey.Rsa.ExportParameters(false)) { KeyId = IdTokenKey.KeyId });
        return JsonSerializer.Serialize(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
    }

    /// <summary>The providers block of a settings merge patch pointing every provider at this server.</summary>
    public Dictionary<string, object> SettingsPatch() => All.ToDictionary(p => p.Name, p => p.SettingsPatch());

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        IdTokenKey.Rsa.Dispose();
    }
}
