using System.Diagnostics;
using System.Text.Json.Nodes;
using Auth.Core;
using Auth.Core.Data;
using Auth.Core.Data.Entities;
using Auth.Core.Messaging;
using Auth.Core.Settings;
using Auth.Core.Tokens;
using Auth.Runtime.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Auth.Benchmarks.Outbox;

/// <summary>
/// E-mails per second from one node's outbox to a loopback SMTP server: a real host (Auth.Core + the messaging
/// runtime, its dispatcher running) over a fresh SQLite file, N pending e-mails inserted in one transaction,
/// timed from the wake-up until the server has accepted all N and every row is marked sent.
/// Usage: dotnet run -c Release --project bench/Auth.Benchmarks -- outbox [count] [runs]
/// </summary>
internal static class OutboxThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000;
        var runs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;
        Console.WriteLine($"Outbox throughput: {count} e-mails, {runs} run(s), {Environment.ProcessorCount} cores");
        for (var run = 1; run <= runs; run++)
        {
            var (rate, seconds, sessions) = await OneRunAsync(count);
            Console.WriteLine($"run {run}: {rate,7:0.0} e-mails/s ({count} in {seconds:0.00} s, {sessions} SMTP connection(s))");
        }
        return 0;
    }

    private static async Task<(double Rate, double Seconds, int Sessions)> OneRunAsync(int count)
    {
        var folder = Directory.CreateTempSubdirectory("outbox-bench-");
        await using var smtp = LoopbackSmtp.Start();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
        builder.Configuration["ConnectionStrings:Auth"] = $"Data Source={Path.Combine(folder.FullName, "auth.db")}";
        builder.Configuration["Runtime:PublicBaseUrl"] = "http://bench.test";
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning)
            // A fresh database each run: the key-ring and first-operator notices are expected.
            .AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error).AddFilter("Auth.Core.AuthStartup", LogLevel.Error);
        builder.Services.AddAuthCore(builder.Configuration);
        builder.Services.AddAuthMessagingRuntime();
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var services = host.Services;
            await PublishSmtpAsync(services, smtp.Port);
            await EnqueueAsync(services, count);

            var clock = Stopwatch.StartNew();
            services.GetRequiredService<OutboxSignal>().Notify();
            var dbFactory = services.GetRequiredService<IDbContextFactory<AuthDbContext>>();
            var deadline = TimeSpan.FromMinutes(10);
            while (true)
            {
                if (smtp.Received >= count)
                {
                    await using var db = await dbFactory.CreateDbContextAsync();
                    if (await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent) >= count) break;
                }
                if (clock.Elapsed > deadline) throw new TimeoutException($"Only {smtp.Received} of {count} arrived.");
                await Task.Delay(5);
            }
            clock.Stop();
            if (smtp.Received != count) throw new InvalidOperationException($"{smtp.Received} mails for {count} messages: some went twice.");
            return (count / clock.Elapsed.TotalSeconds, clock.Elapsed.TotalSeconds, smtp.Sessions);
        }
        finally
        {
            await host.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task PublishSmtpAsync(IServiceProvider services, int port)
    {
        var store = services.GetRequiredService<SettingsStore>();
        var patch = JsonNode.Parse($$$"""{"smtp":{"host":"127.0.0.1","port":{{{port}}},"security":"None","fromEmail":"no-reply@bench.test"}}""");
        var draft = await store.PatchDraftAsync(patch, "bench");
        if (!draft.IsSuccess) throw new InvalidOperationException("The SMTP settings were refused.");
        var published = await store.PublishAsync("bench", "bench");
        if (!published.IsSuccess) throw new InvalidOperationException("Publishing failed.");
        await services.GetRequiredService<SettingsCache>().RefreshAsync();
    }

    /// <summary>The rows a flow would write (a rendered confirmation mail), one recipient each, in one transaction.</summary>
    private static async Task EnqueueAsync(IServiceProvider services, int count)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var db = await services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContextAsync();
        for (var i = 0; i < count; i++)
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                Id = TokenHashing.RandomHex(16),
                Channel = OutboxChannel.Email,
                Type = "confirm_email",
                To = $"user{i}@example.com",
                Subject = "Confirm your e-mail",
                Body = $"<p>Hello,</p><p><a href=\"http://bench.test/auth/verify?key={TokenHashing.RandomHex(20)}&action=email-confirm\">Confirm</a></p>",
                Status = OutboxStatus.Pending,
                CreatedAt = now.AddTicks(i),
                NextAttemptAt = now,
            });
        }
        await db.SaveChangesAsync();
    }
}
