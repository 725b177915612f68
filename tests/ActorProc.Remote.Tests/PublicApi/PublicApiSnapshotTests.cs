using ActorProc.Core.Tests.PublicApi;

namespace ActorProc.Remote.Tests.PublicApi;

/// <summary>Makes public API changes of ActorProc.Remote deliberate (see <see cref="PublicApiSnapshot"/>).</summary>
public sealed class PublicApiSnapshotTests
{
    [Fact]
    public void Public_api_matches_the_approved_snapshot() =>
        PublicApiSnapshot.Verify(typeof(Remoting).Assembly, "ActorProc.Remote.Tests");
}
