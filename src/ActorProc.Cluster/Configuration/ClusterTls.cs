using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Akka.Actor.Setup;
using Akka.Configuration;
using Akka.Remote.Transport.DotNetty;

namespace ActorProc.Cluster.Configuration;

/// <summary>
/// TLS between members (and clients) when <c>akka.remote.dot-netty.tcp.enable-ssl = on</c>. With
/// <c>actorproc.cluster.tls.peer-validation = shared-certificate</c> (the default) the certificate in
/// <c>akka.remote.dot-netty.tcp.ssl.certificate</c> is the cluster's shared secret: both sides of every
/// connection present it (mutual TLS) and accept only a peer that presents the very same certificate
/// (same thumbprint). A self-signed certificate does, no CA is involved, and a certificate from anyone
/// else, or none, fails the handshake. With <c>akka</c>, Akka's own validation applies (a chain to a CA
/// the machine trusts; any certificate such a CA issued is accepted).
/// </summary>
internal static class ClusterTls
{
    private const string Transport = "akka.remote.dot-netty.tcp";
    private const string PeerValidationKey = "actorproc.cluster.tls.peer-validation";

    /// <summary>Whether members talk TLS (<c>akka.ssl.tcp</c> addresses) rather than plain TCP (<c>akka.tcp</c>).</summary>
    public static bool IsEnabled(Config config) => config.GetBoolean($"{Transport}.enable-ssl", false);

    /// <summary>The address protocol of the cluster's members.</summary>
    public static string Protocol(Config config) => IsEnabled(config) ? "akka.ssl.tcp" : "akka.tcp";

    /// <summary>Creates an actor system with <paramref name="config"/> and, where it asks for a shared certificate, the setup that pins it.</summary>
    /// <exception cref="ConfigurationException">The TLS settings are invalid or the certificate cannot be loaded; the message names the key.</exception>
    public static ActorSystem CreateSystem(string name, Config config)
    {
        var bootstrap = BootstrapSetup.Create().WithConfig(config);
        return SharedCertificateSetup(config) is { } tls
            ? ActorSystem.Create(name, ActorSystemSetup.Create(bootstrap, tls))
            : ActorSystem.Create(name, bootstrap);
    }

    /// <summary>The pinned shared-certificate setup, or null when TLS is off or Akka's own validation is asked for.</summary>
    /// <exception cref="ConfigurationException">The TLS settings are invalid or the certificate cannot be loaded.</exception>
    internal static DotNettySslSetup? SharedCertificateSetup(Config config)
    {
        if (!IsEnabled(config)) return null;
        var mode = config.GetString(PeerValidationKey, "shared-certificate");
        switch (mode)
        {
            case "akka":
                return null;
            case "shared-certificate":
                break;
            default:
                throw new ConfigurationException($"{PeerValidationKey} = \"{mode}\": expected shared-certificate or akka.");
        }

        var path = config.GetString($"{Transport}.ssl.certificate.path", "");
        if (string.IsNullOrWhiteSpace(path))
            throw new ConfigurationException($"{Transport}.enable-ssl is on with {PeerValidationKey} = shared-certificate, but {Transport}.ssl.certificate.path is empty: give the PKCS#12 (.pfx) file every member shares.");
        var password = config.GetString($"{Transport}.ssl.certificate.password", "");
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.DefaultKeySet);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"{Transport}.ssl.certificate.path = \"{path}\": cannot load the certificate: {e.Message}", e);
        }
        if (!certificate.HasPrivateKey)
            throw new ConfigurationException($"{Transport}.ssl.certificate.path = \"{path}\": the certificate has no private key; a member must be able to present it.");

        // Mutual TLS, no chain or hostname checks: the pin alone decides, so the shared certificate may be
        // self-signed and the members may be reached by any name or address.
        return new DotNettySslSetup(certificate, suppressValidation: false, requireMutualAuthentication: true,
            validateCertificateHostname: false, customValidator: CertificateValidation.PinnedCertificate(certificate.Thumbprint));
    }
}
