using ActorProc.Tests.PublicApi;

namespace ActorProc.TestKit.Tests.PublicApi;

/// <summary>Makes public API changes of the TestKit deliberate (see <see cref="PublicApiSnapshot"/>).</summary>
public sealed class PublicApiSnapshotTests
{
    [Fact]
    public void Public_api_matches_the_approved_snapshot() =>
        PublicApiSnapshot.Verify(typeof(FaultPlan).Assembly, "ActorProc.TestKit.Tests");
}
