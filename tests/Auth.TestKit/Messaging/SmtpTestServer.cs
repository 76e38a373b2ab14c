using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Auth.TestKit.Messaging;

/// <summary>A real SMTP server (the SmtpServer package) on a loopback port; it can be stopped and started again on the same port.</summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private SmtpServer.SmtpServer? _server;
    private CancellationTokenSource? _stop;
    private Task? _running;
    private int _sessions;
    private int _drops;

    // Holds the port while the server is down (bound, not listening: a connection is refused, as with a stopped
    // server), so no other process takes it between a stop and a start again.
    private Socket? _reservation;

    private SmtpTestServer(Socket? reservation, (string User, string Password)? login = null)
    {
        _reservation = reservation;
        Port = reservation is null ? 0 : ((IPEndPoint)reservation.LocalEndPoint!).Port;
        Login = login;
    }

    /// <summary>When set, the server requires AUTH with these credentials (over the plain loopback connection).</summary>
    public (string User, string Password)? Login { get; }

    /// <summary>The port the server listens on (or, when down, holds); 0 only until the first start.</summary>
    public int Port { get; private set; }

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

    /// <summary>Starts on a port the OS picks at the bind (port 0), so no other process can take it first.</summary>
    public static async Task<SmtpTestServer> StartAsync((string User, string Password)? login = null)
    {
        var server = new SmtpTestServer(null, login);
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>A port that nothing listens on (yet), held for this server: for "the server is down".</summary>
    public static SmtpTestServer NotStarted() => new(Reserve(0));

    /// <summary>Listens on <see cref="Port"/> (again); returns once the port accepts connections.</summary>
    public Task StartAgainAsync() =>
        Eventually.Succeeds(StartOnceAsync, $"the SMTP test server to listen on 127.0.0.1:{Port}");

    private async Task StartOnceAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))
                .AuthenticationRequired(Login is not null).AllowUnsecureAuthentication(Login is not null))
            .Build();
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new SmtpServer.Net.EndpointListenerFactory();
        listeners.EndpointStarted += (_, e) => listening.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_received, () => Stalling));
        services.Add(new ReleasingListenerFactory(listeners, ReleaseReservation));
        services.Add(new Dropper(this));
        if (Login is { } login) services.Add(new Authenticator(login.User, login.Password));
        var server = new SmtpServer.SmtpServer(options, services);
        server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessions);
        var stop = new CancellationTokenSource();
        var running = server.StartAsync(stop.Token);
        if (await Task.WhenAny(listening.Task, running) != listening.Task)
        {
            stop.Dispose();
            await running; // the bind failed (the port was taken): throws, and the caller tries again
            throw new InvalidOperationException("The SMTP test server stopped before it listened.");
        }
        (_server, _stop, _running) = (server, stop, running);
        Port = listening.Task.Result;
    }

    private void ReleaseReservation()
    {
        _reservation?.Dispose();
        _reservation = null;
    }

    public async Task StopAsync()
    {
        if (_server is null) return;
        _server.Shutdown();
        await _stop!.CancelAsync();
        try
        {
            await _running!.WaitAsync(Eventually.DefaultTimeout);
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
        _server = null;
        try
        {
            _reservation = Reserve(Port);
        }
        catch (SocketException)
        {
            // Taken in the instant since the listener closed; StartAgainAsync waits for it, and says so if it never frees.
        }
    }

    /// <summary>Waits (up to <see cref="Eventually.DefaultTimeout"/>) until a mail to <paramref name="to"/> arrives.</summary>
    public async Task<ReceivedMail> WaitForAsync(string to, Func<Task>? kick = null)
    {
        ReceivedMail? mail = null;
        await Eventually.Until(async () =>
        {
            if (kick is not null) await kick();
            mail = _received.LastOrDefault(m => m.Recipients.Contains(to, StringComparer.OrdinalIgnoreCase));
            return mail is not null;
        }, () => $"a mail to {to}; received: {string.Join(", ", _received.SelectMany(m => m.Recipients))}");
        return mail!;
    }

    public IReadOnlyList<ReceivedMail> To(string to) =>
        [.. _received.Where(m => m.Recipients.Contains(to, StringComparer.OrdinalIgnoreCase))];

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        ReleaseReservation();
    }

    private static Socket Reserve(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Lets go of the held port just before SmtpServer binds it, so a restart gets the same port.</summary>
    private sealed class ReleasingListenerFactory(SmtpServer.Net.IEndpointListenerFactory inner, Action release)
        : SmtpServer.Net.IEndpointListenerFactory
    {
        public SmtpServer.Net.IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
        {
            release();
            return inner.CreateListener(endpointDefinition);
        }
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
