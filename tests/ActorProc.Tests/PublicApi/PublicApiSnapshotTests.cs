
namespace ActorProc.Tests.PublicApi;

/// <summary>Makes public API changes of the processing API deliberate (see <see cref="PublicApiSnapshot"/>).</summary>
public sealed class PublicApiSnapshotTests
{
    [Fact]
    public void Public_api_matches_the_approved_snapshot() =>
        PublicApiSnapshot.Verify(typeof(WorkerPool).Assembly, "ActorProc.Tests");
}
