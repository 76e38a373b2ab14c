using System.Net;
using System.Net.Sockets;

namespace Auth.TestKit;

/// <summary>
/// For the few hosts whose own address must be known before they start (a public base URL naming the port).
/// Anything else listens on port 0 and reads the port it got. A port found free can be taken by another process
/// before the host binds it, so <see cref="StartAsync{T}"/> retries on a fresh port when the bind says it is in use.
/// </summary>
public static class LoopbackPort
{
    public const int Attempts = 5;

    /// <summary>A port free at this instant; bind it soon, and through <see cref="StartAsync{T}"/>.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Creates a host for a free port and starts it; when the port was taken meanwhile, disposes that host and tries
    /// another port (<see cref="Attempts"/> in all). Any other start failure is thrown as is.
    /// </summary>
    public static async Task<T> StartAsync<T>(Func<int, T> create, Action<T> start) where T : IAsyncDisposable
    {
        for (var attempt = 1; ; attempt++)
        {
            var host = create(Free());
            try
            {
                start(host);
                return host;
            }
            catch (Exception e) when (attempt < Attempts && IsAddressInUse(e))
            {
                await host.DisposeAsync();
            }
        }
    }

    /// <summary>Kestrel wraps the socket error (AddressInUseException inside an IOException); SmtpServer does not.</summary>
    public static bool IsAddressInUse(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }) return true;
            if (e.GetType().Name == "AddressInUseException") return true;
        }
        return false;
    }
}
