using System.Net;
using Auth.Core.Tokens;
using Auth.Runtime.BrowserClient;
using Auth.Runtime.OAuth.Providers;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.OAuth;

public static class OAuthServiceCollectionExtensions
{
    /// <summary>The OAuth providers, their HTTP client, the state store and the flow's two legs, and the browser client's CORS.</summary>
    public static IServiceCollection AddAuthOAuth(this IServiceCollection services)
    {
        services.AddHttpClient(OAuthHttp.ClientName, client =>
            {
                client.Timeout = OAuthHttp.Timeout;
                client.MaxResponseContentBufferSize = OAuthHttp.MaxResponseBytes;
                // GitHub's API refuses requests without a User-Agent.
                client.DefaultRequestHeaders.UserAgent.ParseAdd("AuthStudio/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // A token endpoint that redirects is misconfigured; following it could send the code elsewhere.
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                ConnectTimeout = TimeSpan.FromSeconds(5),
                UseCookies = false,
            });

        services.AddSingleton<OAuthHttp>();
        services.AddSingleton<JwksCache>();
        services.AddSingleton<IdTokenValidator>();
        services.AddSingleton<IOAuthProvider, GoogleProvider>();
        services.AddSingleton<IOAuthProvider, AppleProvider>();
        services.AddSingleton<IOAuthProvider, FacebookProvider>();
        services.AddSingleton<IOAuthProvider, TwitterProvider>();
        services.AddSingleton<IOAuthProvider, GitHubProvider>();
        services.AddSingleton<IOAuthProvider, DiscordProvider>();
        services.AddSingleton<OAuthProviderRegistry>();
        services.AddSingleton<OAuthStateStore>();
        services.AddSingleton<OAuthFlow>();
        services.AddSingleton<BrowserClientCors>();
        return services;
    }
}
