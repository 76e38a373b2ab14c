using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Auth.Runtime.Browser.Tests;

/// <summary>
/// A tiny app on its own loopback origin whose one page imports <c>/auth/client.js</c> from the runtime,
/// as a real app would: sign in with GitHub (lands back on /auth-redirect) or with e-mail and password.
/// </summary>
public sealed class SampleApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SampleApp(WebApplication app) => _app = app;

    public string Origin { get; private set; } = "";
    public string RedirectUrl => Origin + "/auth-redirect";

    public static async Task<SampleApp> StartAsync(string runtimeBaseUrl)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var html = Page.Replace("RUNTIME_BASE_URL", runtimeBaseUrl, StringComparison.Ordinal);
        app.MapGet("/", () => Results.Content(html, "text/html; charset=utf-8"));
        app.MapGet("/auth-redirect", () => Results.Content(html, "text/html; charset=utf-8"));
        await app.StartAsync();
        var sample = new SampleApp(app);
        sample.Origin = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return sample;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private const string Page = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Sample app</title></head>
        <body>
          <h1>Sample app</h1>
          <button id="github" type="button">Sign in with GitHub</button>
          <button id="apple" type="button">Sign in with Apple</button>
          <form id="email-form">
            <input id="email" type="email" placeholder="E-mail">
            <input id="password" type="password" placeholder="Password">
            <button id="email-signin" type="submit">Sign in with e-mail</button>
          </form>
          <p>Status: <span id="status">signed out</span></p>
          <p>Name: <span id="name"></span></p>
          <p>User id: <span id="user-id"></span></p>
          <script type="module">
            import { createClient } from "RUNTIME_BASE_URL/auth/client.js";
            const client = createClient("RUNTIME_BASE_URL");
            window.authClient = client;
            const $ = (id) => document.getElementById(id);
            async function show(result) {
              if (result.errors) { $("status").textContent = "error: " + result.errors[0].code; return; }
              $("name").textContent = result.user.name;
              const me = await client.auth.getUser();
              $("user-id").textContent = me.user ? me.user._id : "none";
              $("status").textContent = "signed in with " + result.user.provider;
            }
            $("github").addEventListener("click", () => client.auth.signInWithProvider("github", location.origin + "/auth-redirect"));
            $("apple").addEventListener("click", () => client.auth.signInWithProvider("apple", location.origin + "/auth-redirect"));
            $("email-form").addEventListener("submit", async (event) => {
              event.preventDefault();
              await show(await client.auth.signInWithEmail($("email").value, $("password").value));
            });
            const query = new URL(location.href).searchParams;
            if (query.has("access_token") || query.has("error")) await show(await client.auth.getAuthGrant());
            document.body.dataset.ready = "true";
          </script>
        </body>
        </html>
        """;
}
