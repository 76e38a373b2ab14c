using System.Collections.Concurrent;
using System.Diagnostics;
using Auth.Core.Settings;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Auth.Runtime.Messaging;

/// <summary>
/// SMTP connections kept open across messages (connect, TLS and login once, not per e-mail). At most
/// <see cref="MessagingOptions.SmtpConnections"/> are kept; <see cref="SendGates"/> bounds how many are in use.
/// A connection is only reused with the SMTP settings it was opened with, after at most
/// <see cref="MessagingOptions.SmtpMessagesPerConnection"/> messages and while idle less than
/// <see cref="MessagingOptions.SmtpIdleTimeout"/>; one idle for a few seconds is checked with NOOP first.
/// </summary>
public sealed class SmtpConnectionPool(MessagingOptions options) : IDisposable
{
    private static readonly TimeSpan NoopAfter = TimeSpan.FromSeconds(5);
    private readonly ConcurrentQueue<PooledSmtp> _idle = new();
    private volatile bool _disposed;

    /// <summary>A kept connection for these settings (checked when it sat idle), or a new one.</summary>
    public async Task<PooledSmtp> RentAsync(SmtpSettings smtp, CancellationToken ct)
    {
        var key = SmtpKey.Of(smtp);
        while (_idle.TryDequeue(out var kept))
        {
            if (kept.Key != key || !kept.Client.IsConnected || kept.IdleFor > options.SmtpIdleTimeout)
            {
                await CloseAsync(kept);
                continue;
            }
            if (kept.IdleFor > NoopAfter && !await AnswersNoopAsync(kept, ct)) continue;
            kept.Reused = true;
            return kept;
        }
        return await ConnectAsync(smtp, ct);
    }

    /// <summary>A new connection, signed in when the settings have a user.</summary>
    public async Task<PooledSmtp> ConnectAsync(SmtpSettings smtp, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        ArgumentException.ThrowIfNullOrWhiteSpace(smtp.Host);
        var client = new SmtpClient { Timeout = (int)options.SendTimeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, Security(smtp.Security), ct);
            if (!string.IsNullOrEmpty(smtp.User)) await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
            if (!options.SmtpPipelining) client.Capabilities &= ~SmtpCapabilities.Pipelining;
            return new PooledSmtp(client, SmtpKey.Of(smtp));
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>After a message went out: kept for the next one, unless it has done its share or the pool is full.</summary>
    public void Return(PooledSmtp connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.Sent++;
        connection.LastUsed = Stopwatch.GetTimestamp();
        if (_disposed || connection.Sent >= options.SmtpMessagesPerConnection || _idle.Count >= options.SmtpConnections)
        {
            _ = CloseAsync(connection);
            return;
        }
        _idle.Enqueue(connection);
    }

    /// <summary>After a failure or an abort: the conversation is in an unknown state, so the connection is dropped.</summary>
    public static void Discard(PooledSmtp connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.Client.Dispose();
    }

    /// <summary>Closes kept connections idle longer than the idle timeout (the dispatcher calls it after each pass).</summary>
    public async Task CloseIdleAsync()
    {
        for (var n = _idle.Count; n > 0 && _idle.TryDequeue(out var kept); n--)
        {
            if (kept.IdleFor > options.SmtpIdleTimeout || !kept.Client.IsConnected) await CloseAsync(kept);
            else _idle.Enqueue(kept);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryDequeue(out var kept)) kept.Client.Dispose();
    }

    private static async Task<bool> AnswersNoopAsync(PooledSmtp kept, CancellationToken ct)
    {
        try
        {
            await kept.Client.NoOpAsync(ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            kept.Client.Dispose();
            return false;
        }
    }

    /// <summary>QUIT politely, bounded: the server may already be gone.</summary>
    private static async Task CloseAsync(PooledSmtp connection)
    {
        try
        {
            using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            if (connection.Client.IsConnected) await connection.Client.DisconnectAsync(true, quit.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Closing a connection nobody will use again: any failure only means it was already closed.
        }
        finally
        {
            connection.Client.Dispose();
        }
    }

    internal static SecureSocketOptions Security(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}

/// <summary>What a kept connection was opened with; a publish that changes any of it retires the connection.</summary>
public sealed record SmtpKey(string? Host, int Port, SmtpSecurity Security, string? User, string? Password)
{
    public static SmtpKey Of(SmtpSettings smtp)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        return new(smtp.Host, smtp.Port, smtp.Security, smtp.User, smtp.Password);
    }

    // Never the password, should a key end up in a log.
    public override string ToString() => $"{Host}:{Port} ({Security}{(User is null ? "" : ", " + User)})";
}

/// <summary>One kept SMTP connection.</summary>
public sealed class PooledSmtp(SmtpClient client, SmtpKey key)
{
    public SmtpClient Client { get; } = client;

    public SmtpKey Key { get; } = key;

    /// <summary>True when it had sent before this rent: a failure before any byte of the message left may be a server-side close.</summary>
    public bool Reused { get; set; }

    public int Sent { get; set; }

    public long LastUsed { get; set; } = Stopwatch.GetTimestamp();

    public TimeSpan IdleFor => Stopwatch.GetElapsedTime(LastUsed);
}
