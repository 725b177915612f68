using ActorProc.Tests.PublicApi;

namespace ActorProc.Cluster.Tests.PublicApi;

/// <summary>Makes public API changes of the cluster layer deliberate (see <see cref="PublicApiSnapshot"/>).</summary>
public sealed class PublicApiSnapshotTests
{
    [Fact]
    public void Public_api_matches_the_approved_snapshot() =>
        PublicApiSnapshot.Verify(typeof(ClusterNode).Assembly, "ActorProc.Cluster.Tests");
}
