using System.Net;
using System.Net.Http.Json;
using Auth.Runtime.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Tests.Messaging;

public abstract partial class SendLimitsSuite
{
    private const string ClientIpHeader = "X-Test-Client-Ip";

    [Fact]
    public async Task PhoneSignUps_TwentyParallelFromOneIpOverTheHourlyCap_TextExactlyTheCap()
    {
        await Fixture.PublishAsync(Settings(new { sendCooldownSeconds = 0, smsPerIpPerHour = 5 }));
        await using var app = WithClientIps();
        using var client = app.CreateClient();
        var phones = Enumerable.Range(0, Parallel).Select(_ => NewPhone()).ToArray();

        var responses = await InParallelAsync(i => SignUpFromAsync(client, "203.0.113.7", phones[i]));

        Assert.Equal(5, responses.Count(r => r.Status == HttpStatusCode.OK));
        foreach (var limited in responses.Where(r => r.Status != HttpStatusCode.OK)) AssertRetryAfter(limited);
        (await SignUpFromAsync(client, "203.0.113.8", NewPhone())).AssertStatus(HttpStatusCode.OK); // another address has its own count
        Fixture.Time.Advance(TimeSpan.FromHours(1));
        (await SignUpFromAsync(client, "203.0.113.7", NewPhone())).AssertStatus(HttpStatusCode.OK);
    }

    private static async Task<ApiResponse> SignUpFromAsync(HttpClient client, string ip, string phone)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/signup-phone")
        {
            Content = JsonContent.Create(new { phone, password = Password }),
        };
        request.Headers.Add(ClientIpHeader, ip);
        return await ApiResponse.ReadAsync(await client.SendAsync(request, Ct));
    }

    /// <summary>The same app and database, with each request's remote address taken from a test header (the test server has none).</summary>
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> WithClientIps() =>
        Fixture.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IStartupFilter, ClientIpFromHeader>()));

    private sealed class ClientIpFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientIpHeader].ToString(), out var ip))
                    context.Connection.RemoteIpAddress = ip;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
