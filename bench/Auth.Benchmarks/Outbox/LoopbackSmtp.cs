using System.Buffers;
using System.Net;
using System.Net.Sockets;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Auth.Benchmarks.Outbox;

/// <summary>A real SMTP server (the SmtpServer package) on a loopback port that only counts what it accepts.</summary>
internal sealed class LoopbackSmtp : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Counter _counter = new();
    private int _sessions;
    private Task _running = Task.CompletedTask;

    public int Port { get; private set; }

    public int Received => _counter.Count;

    /// <summary>SMTP sessions opened (one per connection): shows whether connections are reused.</summary>
    public int Sessions => Volatile.Read(ref _sessions);

    public static LoopbackSmtp Start()
    {
        var smtp = new LoopbackSmtp();
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            smtp.Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, smtp.Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(smtp._counter);
        var server = new SmtpServer.SmtpServer(options, services);
        server.SessionCreated += (_, _) => Interlocked.Increment(ref smtp._sessions);
        smtp._running = server.StartAsync(smtp._stop.Token);
        return smtp;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    private sealed class Counter : MessageStore
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
