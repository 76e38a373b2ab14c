using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Auth.Runtime.Tests.Messaging;

/// <summary>A real SMTP server (the SmtpServer package) on a loopback port; it can be stopped and started again on the same port.</summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private SmtpServer.SmtpServer? _server;
    private CancellationTokenSource? _stop;
    private Task? _running;
    private int _sessions;
    private int _drops;

    private SmtpTestServer(int port, (string User, string Password)? login = null)
    {
        Port = port;
        Login = login;
    }

    /// <summary>When set, the server requires AUTH with these credentials (over the plain loopback connection).</summary>
    public (string User, string Password)? Login { get; }

    public int Port { get; }

    public IReadOnlyList<ReceivedMail> Received => [.. _received];

    /// <summary>Holds every DATA reply (after the whole message arrived) until the stall is released; for "the server stalls".</summary>
    public Stall? Stalling { get; private set; }

    public Stall StallReplies() => Stalling = new Stall();

    /// <summary>SMTP sessions (connections) opened so far.</summary>
    public int Sessions => Volatile.Read(ref _sessions);

    /// <summary>Connections closed by <see cref="DropConnectionsAfter"/>.</summary>
    public int Drops => Volatile.Read(ref _drops);

    /// <summary>
    /// When set, each connection takes this many mails and then is closed by the server at the next MAIL FROM, before
    /// any byte of that mail arrived (as a server does at its idle timeout or per-connection cap).
    /// </summary>
    public int? DropConnectionsAfter { get; set; }

    /// <summary>A stalled reply: <see cref="Reached"/> completes when a message waits, <see cref="Release"/> lets it through.</summary>
    public sealed class Stall
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => _reached.Task;

        public void Release() => _released.TrySetResult();

        internal async Task WaitAsync(CancellationToken ct)
        {
            _reached.TrySetResult();
            await _released.Task.WaitAsync(ct);
        }
    }

    public static async Task<SmtpTestServer> StartAsync((string User, string Password)? login = null)
    {
        var server = new SmtpTestServer(FreePort(), login);
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>A port that nothing listens on (yet): for "the server is down".</summary>
    public static SmtpTestServer NotStarted() => new(FreePort());

    public async Task StartAgainAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))
                .AuthenticationRequired(Login is not null).AllowUnsecureAuthentication(Login is not null))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_received, () => Stalling));
        services.Add(new Dropper(this));
        if (Login is { } login) services.Add(new Authenticator(login.User, login.Password));
        _server = new SmtpServer.SmtpServer(options, services);
        _server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessions);
        _stop = new CancellationTokenSource();
        _running = _server.StartAsync(_stop.Token);
        await WaitListeningAsync();
    }

    public async Task StopAsync()
    {
        if (_server is null) return;
        _server.Shutdown();
        await _stop!.CancelAsync();
        try
        {
            await _running!.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }
        catch (System.Net.Sockets.SocketException)
        {
            // The listener never bound (its port was taken between FreePort and the bind): there is nothing to stop,
            // and the test that owned it has already passed or failed on its own.
        }
        _stop.Dispose();
        _server = null;
    }

    /// <summary>Waits (up to 15 s) until a mail to <paramref name="to"/> arrives.</summary>
    public async Task<ReceivedMail> WaitForAsync(string to, Func<Task>? kick = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (kick is not null) await kick();
            var mail = _received.LastOrDefault(m => m.Recipients.Contains(to, StringComparer.OrdinalIgnoreCase));
            if (mail is not null) return mail;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No mail to {to} arrived; received: {string.Join(", ", _received.SelectMany(m => m.Recipients))}");
    }

    public IReadOnlyList<ReceivedMail> To(string to) =>
        [.. _received.Where(m => m.Recipients.Contains(to, StringComparer.OrdinalIgnoreCase))];

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task WaitListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Authenticator(string user, string password) : SmtpServer.Authentication.IUserAuthenticator
    {
        public Task<bool> AuthenticateAsync(ISessionContext context, string user1, string password1, CancellationToken cancellationToken) =>
            Task.FromResult(user1 == user && password1 == password);
    }

    private const string SavedKey = "saved";

    private sealed class Dropper(SmtpTestServer server) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, SmtpServer.Mail.IMailbox from, int size, CancellationToken cancellationToken)
        {
            var saved = context.Properties.TryGetValue(SavedKey, out var n) ? (int)n : 0;
            if (server.DropConnectionsAfter is { } limit && saved >= limit)
            {
                Interlocked.Increment(ref server._drops);
                ((IDisposable)context.Pipe).Dispose(); // closes the socket: the client sees the connection end
            }
            return Task.FromResult(true);
        }

        public Task<bool> CanDeliverToAsync(ISessionContext context, SmtpServer.Mail.IMailbox to, SmtpServer.Mail.IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(true);
    }

    private sealed class Store(ConcurrentQueue<ReceivedMail> received, Func<Stall?> stall) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (stall() is { } held) await held.WaitAsync(cancellationToken);
            var raw = buffer.ToArray();
            using var stream = new MemoryStream(raw);
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            var recipients = transaction.To.Select(m => $"{m.User}@{m.Host}").ToList();
            received.Enqueue(new ReceivedMail(message, recipients, System.Text.Encoding.UTF8.GetString(raw)));
            context.Properties[SavedKey] = (context.Properties.TryGetValue(SavedKey, out var n) ? (int)n : 0) + 1;
            return SmtpResponse.Ok;
        }
    }
}

/// <summary>One delivered mail: the parsed MIME, the envelope recipients (RCPT TO) and the raw text.</summary>
public sealed record ReceivedMail(MimeMessage Message, IReadOnlyList<string> Recipients, string Raw);
