using System.Net.Sockets;
using Auth.Core.Data.Entities;
using Auth.Core.Messaging;
using Auth.Core.Settings;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MimeKit.Utils;

namespace Auth.Runtime.Messaging;

/// <summary>
/// Sends an outbox e-mail through the settings' SMTP server with MailKit: HTML plus a plain-text part, over a
/// connection kept open by <see cref="SmtpConnectionPool"/>. When a kept connection turns out closed by the
/// server before any byte of the message left, the message goes once more over a new connection: the server
/// cannot have taken it, so this neither loses nor doubles it, and costs no attempt.
/// </summary>
public sealed class SmtpEmailSender(MessagingOptions options, SmtpConnectionPool pool)
{
    public async Task<SendOutcome> SendAsync(OutboxMessage message, SmtpSettings smtp, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(smtp);
        var fromEmail = message.FromEmail ?? smtp.FromEmail;
        if (string.IsNullOrWhiteSpace(smtp.Host)) return SendOutcome.Reject("No SMTP host is configured.");
        if (string.IsNullOrWhiteSpace(fromEmail)) return SendOutcome.Reject("No sender address: set smtp.fromEmail or the template's fromEmail.");
        if (!MailboxAddress.TryParse(message.To, out var to)) return SendOutcome.Reject($"The recipient '{message.To}' is not a valid address.");

        var mime = new MimeMessage();
        // Header text is cleaned again here: the row may predate a rule change, and MimeKit encodes the rest.
        mime.From.Add(new MailboxAddress(HeaderText.Clean(message.FromName ?? smtp.FromName), fromEmail.Trim()));
        mime.To.Add(to);
        mime.Subject = HeaderText.Clean(message.Subject);
        mime.MessageId = MimeUtils.GenerateMessageId(smtp.Host);
        mime.Body = new BodyBuilder { HtmlBody = message.Body, TextBody = message.TextBody ?? HtmlToText.Convert(message.Body) }.ToMessageBody();

        // One bound for the whole conversation, a second connection included.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.SendTimeout);
        PooledSmtp? connection = null;
        try
        {
            connection = await pool.RentAsync(smtp, timeout.Token);
            var progress = new DataProgress();
            try
            {
                connection.Client.Timeout = (int)options.SendTimeout.TotalMilliseconds;
                await connection.Client.SendAsync(mime, timeout.Token, progress);
            }
            catch (Exception ex) when (connection.Reused && progress.Bytes == 0 && ClosedByServer(ex))
            {
                SmtpConnectionPool.Discard(connection);
                connection = null;
                connection = await pool.ConnectAsync(smtp, timeout.Token);
                await connection.Client.SendAsync(mime, timeout.Token);
            }
            pool.Return(connection);
            connection = null;
            return SendOutcome.Ok;
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500 && ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
        {
            return SendOutcome.Reject($"SMTP {(int)ex.StatusCode}: {ex.Message}");
        }
        catch (SmtpCommandException ex)
        {
            return SendOutcome.Retry($"SMTP {(int)ex.StatusCode}: {ex.Message}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return SendOutcome.Retry($"SMTP server {smtp.Host}:{smtp.Port} did not answer within {options.SendTimeout.TotalSeconds:0} s.");
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or SslHandshakeException
                                       or AuthenticationException or ServiceNotConnectedException or TimeoutException)
        {
            return SendOutcome.Retry($"SMTP {smtp.Host}:{smtp.Port}: {ex.Message}");
        }
        finally
        {
            // Anything but a clean send leaves the conversation in an unknown state.
            if (connection is not null) SmtpConnectionPool.Discard(connection);
        }
    }

    /// <summary>The server had closed the kept connection (idle timeout, restart, its per-connection cap): 421 or a dead socket.</summary>
    private static bool ClosedByServer(Exception ex) =>
        ex is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException
        || ex is SmtpCommandException { StatusCode: SmtpStatusCode.ServiceNotAvailable };

    /// <summary>Counts the message's bytes handed to the connection: zero means the server has none of it.</summary>
    private sealed class DataProgress : ITransferProgress
    {
        public long Bytes { get; private set; }

        public void Report(long bytesTransferred, long totalSize) => Bytes = Math.Max(Bytes, bytesTransferred);

        public void Report(long bytesTransferred) => Bytes = Math.Max(Bytes, bytesTransferred);
    }
}
