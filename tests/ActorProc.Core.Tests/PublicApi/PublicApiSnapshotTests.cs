using System.Reflection;

namespace ActorProc.Core.Tests.PublicApi;

/// <summary>Makes public API changes of the kernel and the TestKit deliberate (see <see cref="PublicApiSnapshot"/>).</summary>
public sealed class PublicApiSnapshotTests
{
    public static TheoryData<string> Assemblies => new() { "ActorProc.Core", "ActorProc.TestKit" };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Public_api_matches_the_approved_snapshot(string assemblyName) =>
        PublicApiSnapshot.Verify(Assembly.Load(assemblyName), "ActorProc.Core.Tests");
}
