using ActorProc.Tests.PublicApi;

namespace ActorProc.Dashboard.Tests.PublicApi;

/// <summary>Makes public API changes of the dashboard deliberate (see <see cref="PublicApiSnapshot"/>).</summary>
public sealed class PublicApiSnapshotTests
{
    [Fact]
    public void Public_api_matches_the_approved_snapshot() =>
        PublicApiSnapshot.Verify(typeof(DashboardServer).Assembly, "ActorProc.Dashboard.Tests");
}
