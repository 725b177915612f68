using Akka.Configuration;

namespace ActorProc.Cluster.Tests.Hostile;

/// <summary>
/// <see cref="TwoNodeCluster"/> on TLS with a self-signed certificate both nodes share (the cluster's
/// shared secret, pinned: <c>actorproc.cluster.tls.peer-validation = shared-certificate</c>).
/// </summary>
public sealed class TlsCluster : TwoNodeCluster
{
    private static readonly Lazy<string> SharedPfx = new(() => TestCertificates.CreatePfx("actorproc-test-cluster"));

    protected override Config Extra => ConfigurationFactory.ParseString($$"""
        akka.remote.dot-netty.tcp {
          # as cluster.conf: a first TLS handshake of a cold process on a busy machine can take over 2 s
          connection-timeout = 10s
          enable-ssl = on
          ssl.certificate { path = {{System.Text.Json.JsonSerializer.Serialize(SharedPfx.Value)}}, password = "{{TestCertificates.Password}}" }
        }
        """);
}
