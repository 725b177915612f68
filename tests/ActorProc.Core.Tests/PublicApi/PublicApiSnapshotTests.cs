using System.Reflection;

namespace ActorProc.Core.Tests.PublicApi;

/// <summary>
/// Makes public API changes deliberate: each assembly's surface must match its checked-in snapshot
/// (<c>tests/ActorProc.Core.Tests/PublicApi/*.approved.txt</c>). When a change is intended, run the
/// tests with <c>ACTORPROC_ACCEPT_API=1</c> to rewrite the snapshots, and review the diff.
/// </summary>
public sealed class PublicApiSnapshotTests
{
    public static TheoryData<string> Assemblies => new() { "ActorProc.Core", "ActorProc.TestKit" };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Public_api_matches_the_approved_snapshot(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var actual = PublicApiRenderer.Render(assembly);
        var approvedPath = Path.Combine(SnapshotDirectory(), assemblyName + ".approved.txt");

        if (Environment.GetEnvironmentVariable("ACTORPROC_ACCEPT_API") == "1")
        {
            File.WriteAllText(approvedPath, actual);
            return;
        }

        Assert.True(File.Exists(approvedPath), $"No API snapshot at {approvedPath}; run the tests with ACTORPROC_ACCEPT_API=1 to create it.");
        var approved = File.ReadAllText(approvedPath).ReplaceLineEndings("\n");
        if (approved == actual) return;

        var approvedLines = approved.Split('\n').ToHashSet();
        var actualLines = actual.Split('\n').ToHashSet();
        var added = actualLines.Except(approvedLines).Take(20).Select(l => "+ " + l);
        var removed = approvedLines.Except(actualLines).Take(20).Select(l => "- " + l);
        Assert.Fail($"The public API of {assemblyName} changed. If intended, rerun with ACTORPROC_ACCEPT_API=1 and commit the snapshot.\n"
            + string.Join('\n', removed.Concat(added)));
    }

    /// <summary>The source folder of this test, found by walking up from the test binaries to the repository root.</summary>
    private static string SnapshotDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "ActorProc.Core.Tests", "PublicApi");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("Could not find tests/ActorProc.Core.Tests/PublicApi above " + AppContext.BaseDirectory);
    }
}
