using Akka.Configuration;
using ActorProc.Cluster.Client;

namespace ActorProc.Cluster.Tests.Hostile;

/// <summary>
/// A wrong secret at a TLS node's port: another certificate, no certificate, plain TCP. Every attempt is
/// refused in the TLS handshake, the log holds one line per kind per interval, and the two members that
/// share the cluster's certificate keep serving.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class TlsHostileInputSpec(TlsCluster cluster) : IClassFixture<TlsCluster>
{
    private const int Attempts = 20;

    [Fact]
    public async Task Clients_without_the_shared_certificate_are_refused_in_the_handshake_logged_once_and_the_cluster_keeps_serving()
    {
        using var log = new LogCapture();
        using var intruder = TestCertificates.Create("intruder");

        var elapsed = await HostileInputSpec.TimeAsync(async () =>
        {
            for (var i = 0; i < Attempts; i++)
            {
                await Attacker.TlsAndAwaitRefusalAsync(cluster.TargetPort, intruder);
                await Attacker.TlsAndAwaitRefusalAsync(cluster.TargetPort, clientCertificate: null);
                await Attacker.SendAndAwaitCloseAsync(cluster.TargetPort, Attacker.GarbageFrame(seed: i));
            }
        });

        await HostileInputSpec.AssertLoggedOncePerIntervalAsync(log, IsTlsRefusal, 3 * Attempts, elapsed);
        // Unlimited, each refused connection writes 2-4 lines (certificate check, handshake failure, rejection).
        var fullLines = log.Count(_ => true).FullLines;
        Assert.True(fullLines < 3 * Attempts, $"{3 * Attempts} refused connections gave {fullLines} full log lines, not fewer than one per connection:\n{string.Join("\n", log.Events)}");
        await cluster.AssertServesAsync("hostile-tls");
    }

    [Fact]
    public async Task A_client_with_another_certificate_cannot_join_and_the_cluster_keeps_serving()
    {
        var config = ConfigurationFactory.ParseString($$"""
            akka.remote.dot-netty.tcp {
              enable-ssl = on
              ssl.certificate { path = {{System.Text.Json.JsonSerializer.Serialize(TestCertificates.CreatePfx("impostor"))}}, password = "{{TestCertificates.Password}}" }
            }
            """);

        await Assert.ThrowsAsync<ClusterUnreachableException>(() =>
            ClusterJobClient.ConnectAsync([$"127.0.0.1:{cluster.TargetPort}"], TimeSpan.FromSeconds(3), config));

        await cluster.AssertServesAsync("hostile-tls-client");
    }

    private static bool IsTlsRefusal(string e) => e.Contains("due to TLS handshake failure");
}
