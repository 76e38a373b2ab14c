using System.Net.Sockets;
using Auth.Core.Settings;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Auth.Runtime.Messaging;

/// <summary>
/// The studio's SMTP "test connection": connect (with the settings' TLS mode), EHLO, and sign in when a user
/// is set, then QUIT; no mail is sent. Bounded by <see cref="MessagingOptions.SendTimeout"/> like a real send.
/// </summary>
public sealed class SmtpConnectionTest(MessagingOptions options)
{
    public async Task<TransportCheck> RunAsync(SmtpSettings smtp, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        var steps = new List<string>();
        if (string.IsNullOrWhiteSpace(smtp.Host)) return TransportCheck.Failure("Enter the SMTP host first.", steps);
        var host = smtp.Host.Trim();
        var where = $"{host}:{smtp.Port}";

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.SendTimeout);
        using var client = new SmtpClient { Timeout = (int)options.SendTimeout.TotalMilliseconds };
        try
        {
            // MailKit says EHLO as part of connecting (and again after STARTTLS).
            await client.ConnectAsync(host, smtp.Port, Security(smtp.Security), timeout.Token);
            steps.Add($"Connected to {where}{(client.IsSecure ? " over TLS" : " without TLS")}.");
            steps.Add("EHLO accepted" + (client.AuthenticationMechanisms.Count > 0
                ? $"; sign-in methods offered: {string.Join(", ", client.AuthenticationMechanisms.Order(StringComparer.Ordinal))}."
                : "; the server offers no sign-in."));

            if (!string.IsNullOrEmpty(smtp.User))
            {
                if (!client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
                    return TransportCheck.Failure($"{where} does not offer sign-in (AUTH), but a user is set. Clear the user, or use another security mode.", steps);
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", timeout.Token);
                steps.Add($"Signed in as {smtp.User}.");
            }

            await client.DisconnectAsync(true, timeout.Token);
            return TransportCheck.Success($"{where} accepted the connection{(string.IsNullOrEmpty(smtp.User) ? "" : " and the sign-in")}.", steps);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return TransportCheck.Failure($"{where} did not answer within {options.SendTimeout.TotalSeconds:0} s.", steps);
        }
        catch (AuthenticationException ex)
        {
            return TransportCheck.Failure($"{where} refused the user name or password: {ex.Message}", steps);
        }
        catch (SslHandshakeException ex)
        {
            return TransportCheck.Failure($"The TLS handshake with {where} failed; check the security mode and port. {FirstLine(ex.Message)}", steps);
        }
        catch (NotSupportedException ex)
        {
            // e.g. STARTTLS asked of a server that does not offer it.
            return TransportCheck.Failure($"{where}: {ex.Message}", steps);
        }
        catch (SocketException ex)
        {
            return TransportCheck.Failure($"Could not connect to {where}: {ex.Message}", steps);
        }
        catch (SmtpCommandException ex)
        {
            return TransportCheck.Failure($"{where} answered {(int)ex.StatusCode}: {ex.Message}", steps);
        }
        catch (Exception ex) when (ex is IOException or SmtpProtocolException or ServiceNotConnectedException or TimeoutException)
        {
            return TransportCheck.Failure($"{where}: {ex.Message}", steps);
        }
    }

    private static SecureSocketOptions Security(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
