using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Auth.TestKit.Messaging;

/// <summary>A request an SMS gateway fake received.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string ContentType, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;

    public IReadOnlyDictionary<string, string> Form =>
        Body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => Uri.UnescapeDataString((p.Length > 1 ? p[1] : "").Replace('+', ' ')));
}

/// <summary>What the fake answers next.</summary>
public sealed record FakeAnswer(int Status, string Json, TimeSpan Delay = default);

/// <summary>
/// A loopback Kestrel app standing in for Twilio, MessageBird or Vonage: records every request and
/// answers with what the test queued (real-shaped bodies), or <see cref="Default"/>.
/// </summary>
public sealed class SmsProviderFake : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<FakeAnswer> _answers = new();
    private WebApplication? _app;
    private int _inFlight;
    private int _maxInFlight;
    private TaskCompletionSource? _hold;

    public string BaseUrl { get; private set; } = "";

    public FakeAnswer Default { get; set; } = new(200, "{}");

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public void Enqueue(FakeAnswer answer) => _answers.Enqueue(answer);

    /// <summary>Requests being handled right now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The most requests that were ever handled at the same time.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Holds every request (after recording it) until <see cref="Release"/>: requests pile up in flight.</summary>
    public void Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _hold?.TrySetResult();

    public static async Task<SmsProviderFake> StartAsync(FakeAnswer defaultAnswer)
    {
        var fake = new SmsProviderFake { Default = defaultAnswer };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake._app = app;
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        for (var max = MaxInFlight; inFlight > max; max = MaxInFlight)
            Interlocked.CompareExchange(ref _maxInFlight, inFlight, max);
        try
        {
            await AnswerAsync(context);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        _requests.Enqueue(new RecordedRequest(
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
            context.Request.ContentType ?? "",
            body));

        if (_hold is { } hold) await hold.Task.WaitAsync(context.RequestAborted);
        var answer = _answers.TryDequeue(out var queued) ? queued : Default;
        if (answer.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(answer.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.Json);
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
