using System.Security.Cryptography.X509Certificates;
using Akka.Configuration;
using ActorProc.Cluster.Configuration;
using ActorProc.Cluster.Tests.Hostile;

namespace ActorProc.Cluster.Tests.Configuration;

/// <summary>How the TLS settings become (or do not become) the pinned shared-certificate setup.</summary>
public sealed class ClusterTlsTests
{
    private static Config Tls(string extra) => ClusterConfig.WithDefaults(ConfigurationFactory.ParseString("akka.remote.dot-netty.tcp.enable-ssl = on\n" + extra));

    [Fact]
    public void Without_tls_members_talk_plain_tcp_and_no_setup_is_made()
    {
        var config = ClusterConfig.WithDefaults(null);

        Assert.Equal("akka.tcp", ClusterTls.Protocol(config));
        Assert.Null(ClusterTls.SharedCertificateSetup(config));
    }

    [Fact]
    public void The_shared_certificate_is_pinned_with_mutual_tls_and_addresses_use_akka_ssl_tcp()
    {
        var pfx = TestCertificates.CreatePfx("pinned");
        var config = Tls($"akka.remote.dot-netty.tcp.ssl.certificate {{ path = {System.Text.Json.JsonSerializer.Serialize(pfx)}, password = \"{TestCertificates.Password}\" }}");

        var setup = ClusterTls.SharedCertificateSetup(config);

        Assert.Equal("akka.ssl.tcp", ClusterTls.Protocol(config));
        Assert.NotNull(setup);
        Assert.True(setup.RequireMutualAuthentication);
        Assert.False(setup.SuppressValidation);
        Assert.NotNull(setup.CustomValidator);
        Assert.Equal(X509CertificateLoader.LoadPkcs12FromFile(pfx, TestCertificates.Password).Thumbprint, setup.Certificate.Thumbprint);
    }

    [Fact]
    public void Akka_validation_leaves_tls_to_akka_s_own_settings()
    {
        Assert.Null(ClusterTls.SharedCertificateSetup(Tls("actorproc.cluster.tls.peer-validation = akka")));
    }

    [Fact]
    public void A_missing_certificate_path_is_refused_naming_the_key()
    {
        var error = Assert.Throws<ConfigurationException>(() => ClusterTls.SharedCertificateSetup(Tls("")));

        Assert.Contains("akka.remote.dot-netty.tcp.ssl.certificate.path is empty", error.Message);
    }

    [Fact]
    public void An_unreadable_certificate_is_refused_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "actorproc-no-such-" + Guid.NewGuid().ToString("N") + ".pfx");

        var error = Assert.Throws<ConfigurationException>(() => ClusterTls.SharedCertificateSetup(Tls($"akka.remote.dot-netty.tcp.ssl.certificate.path = {System.Text.Json.JsonSerializer.Serialize(path)}")));

        Assert.Contains(path, error.Message);
        Assert.Contains("cannot load the certificate", error.Message);
    }

    [Fact]
    public void An_unknown_peer_validation_is_refused_naming_the_allowed_values()
    {
        var error = Assert.Throws<ConfigurationException>(() => ClusterTls.SharedCertificateSetup(Tls("actorproc.cluster.tls.peer-validation = trust-everyone")));

        Assert.Contains("actorproc.cluster.tls.peer-validation = \"trust-everyone\": expected shared-certificate or akka", error.Message);
    }
}
