using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace ActorProc.Cluster.Tests.Hostile;

internal static partial class Attacker
{
    /// <summary>
    /// Connects over TLS presenting <paramref name="clientCertificate"/> (or none), accepting any server
    /// certificate, and returns once the node has refused: the handshake failed or the node closed the
    /// connection. (Whether it refused at TLS, not later, the caller tells from the node's log.)
    /// </summary>
    public static async Task TlsAndAwaitRefusalAsync(int port, X509Certificate2? clientCertificate)
    {
        using var client = await ConnectAsync(port);
        await using var tls = new SslStream(client.GetStream(), leaveInnerStreamOpen: false, (_, _, _, _) => true);
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "localhost",
                ClientCertificates = clientCertificate is null ? null : [clientCertificate],
            }).WaitAsync(CloseTimeout);
            // TLS 1.3: the client's handshake may end before the server has judged the client's certificate.
            var buffer = new byte[256];
            while (await tls.ReadAsync(buffer).AsTask().WaitAsync(CloseTimeout) > 0) { }
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            // refused
        }
    }
}
