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

/// <summary>Sends an outbox e-mail through the settings' SMTP server with MailKit: HTML plus a plain-text part.</summary>
public sealed class SmtpEmailSender(MessagingOptions options)
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

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.SendTimeout);
        using var client = new SmtpClient { Timeout = (int)options.SendTimeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, Security(smtp.Security), timeout.Token);
            if (!string.IsNullOrEmpty(smtp.User)) await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", timeout.Token);
            await client.SendAsync(mime, timeout.Token);
            await client.DisconnectAsync(true, timeout.Token);
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
    }

    private static SecureSocketOptions Security(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
