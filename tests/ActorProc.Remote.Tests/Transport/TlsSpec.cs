using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ActorProc.Core.Actors;
using ActorProc.Remote.Tests.Support;

namespace ActorProc.Remote.Tests.Transport;

/// <summary>Mutual TLS with pinned thumbprints: nodes that share the certificate talk; a plain-TCP node is refused.</summary>
public sealed class TlsSpec : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly Nodes _nodes = new();
    private readonly string _pfx = Path.Combine(Path.GetTempPath(), $"actorproc-tls-{Guid.NewGuid():N}.pfx");
    private string _tlsHocon = "";

    public Task InitializeAsync()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=actorproc-test-node", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllBytes(_pfx, certificate.Export(X509ContentType.Pfx, "pw"));
        var thumbprint = Convert.ToHexString(SHA256.HashData(certificate.RawData));
        _tlsHocon = $$"""
            actorproc.remote.tls {
              enabled = on
              certificate-path = "{{_pfx}}"
              certificate-password = "pw"
              validation = thumbprint
              trusted-thumbprints = ["{{thumbprint}}"]
            }
            """;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _nodes.DisposeAsync();
        File.Delete(_pfx);
    }

    [Fact]
    public async Task Nodes_with_a_trusted_certificate_talk_over_TLS()
    {
        var a = _nodes.Start("alpha", extra: _tlsHocon);
        var b = _nodes.Start("beta", extra: _tlsHocon);
        b.System.ActorOf(Props.Create<EchoActor>(), "echo");
        var echo = await a.System.ActorSelection($"{b.Address}/user/echo").ResolveOne(Timeout);
        Assert.Equal("secure", await echo.Ask<string>("secure", Timeout));
    }

    [Fact]
    public async Task A_node_without_TLS_cannot_talk_to_a_TLS_node()
    {
        var secure = _nodes.Start("beta", extra: _tlsHocon);
        secure.System.ActorOf(Props.Create<EchoActor>(), "echo");
        var plain = _nodes.Start("alpha");
        var probe = new Probe(plain.System);
        plain.RefFor($"{secure.Address}/user/echo").Tell("plain", probe.Ref);
        await probe.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(500));
    }
}
