using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ActorProc.Remote.Transport;

/// <summary>
/// Turns a connected socket into the stream a connection reads and writes: the plain socket stream, or — with
/// <c>actorproc.remote.tls.enabled</c> — an authenticated <see cref="SslStream"/> (TLS 1.2/1.3, mutual: each side
/// presents the node certificate and checks the other's by chain trust or by SHA-256 thumbprint pinning).
/// Concurrency contract: immutable after construction; thread-safe.
/// </summary>
internal sealed class ConnectionStreams
{
    private readonly TlsSettings _tls;
    private readonly X509Certificate2? _certificate;

    public ConnectionStreams(TlsSettings tls)
    {
        _tls = tls;
        if (!tls.Enabled) return;
        try
        {
            _certificate = X509CertificateLoader.LoadPkcs12FromFile(tls.CertificatePath, tls.CertificatePassword.Length == 0 ? null : tls.CertificatePassword);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new Core.Configuration.ConfigurationException($"actorproc.remote.tls.certificate-path: cannot load '{tls.CertificatePath}': {e.Message}");
        }
        if (!_certificate.HasPrivateKey)
            throw new Core.Configuration.ConfigurationException($"actorproc.remote.tls.certificate-path: '{tls.CertificatePath}' has no private key");
    }

    /// <summary>The stream of an accepted connection (TLS server side when enabled).</summary>
    public async Task<Stream> AcceptAsync(Socket socket, CancellationToken cancellationToken)
    {
        var network = new NetworkStream(socket, ownsSocket: true);
        if (_certificate is null) return network;
        var ssl = new SslStream(network, leaveInnerStreamOpen: false);
        try
        {
            await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
            {
                ServerCertificate = _certificate,
                ClientCertificateRequired = true,
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                RemoteCertificateValidationCallback = (_, certificate, _, errors) => IsTrusted(certificate, errors & ~SslPolicyErrors.RemoteCertificateNameMismatch),
            }, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return ssl;
    }

    /// <summary>The stream of an outbound connection to <paramref name="host"/> (TLS client side when enabled).</summary>
    public async Task<Stream> ConnectAsync(Socket socket, string host, CancellationToken cancellationToken)
    {
        var network = new NetworkStream(socket, ownsSocket: true);
        if (_certificate is null) return network;
        var ssl = new SslStream(network, leaveInnerStreamOpen: false);
        try
        {
            await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = host,
                ClientCertificates = new X509CertificateCollection { _certificate },
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                // Nodes are usually addressed by IP, so the host name is not checked: trust comes from the chain or the pinned thumbprint.
                RemoteCertificateValidationCallback = (_, certificate, _, errors) => IsTrusted(certificate, errors & ~SslPolicyErrors.RemoteCertificateNameMismatch),
            }, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return ssl;
    }

    private bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null) return false;
        if (_tls.Validation == "chain") return errors == SslPolicyErrors.None;
        var thumbprint = Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData()));
        return _tls.TrustedThumbprints.Contains(thumbprint, StringComparer.OrdinalIgnoreCase);
    }
}
