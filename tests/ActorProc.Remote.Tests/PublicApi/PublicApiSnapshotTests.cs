using System.Reflection;
using ActorProc.Core.Tests.PublicApi;

namespace ActorProc.Remote.Tests.PublicApi;

/// <summary>
/// Makes public API changes of ActorProc.Remote deliberate: the surface must match
/// <c>tests/ActorProc.Remote.Tests/PublicApi/ActorProc.Remote.approved.txt</c>. When a change is intended, run the
/// tests with <c>ACTORPROC_ACCEPT_API=1</c> to rewrite the snapshot, and review the diff.
/// </summary>
public sealed class PublicApiSnapshotTests
{
    [Fact]
    public void Public_api_matches_the_approved_snapshot()
    {
        var actual = PublicApiRenderer.Render(typeof(Remoting).Assembly);
        var approvedPath = Path.Combine(SnapshotDirectory(), "ActorProc.Remote.approved.txt");
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
        Assert.Fail("The public API of ActorProc.Remote changed. If intended, rerun with ACTORPROC_ACCEPT_API=1 and commit the snapshot.\n"
            + string.Join('\n', removed.Concat(added)));
    }

    private static string SnapshotDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "ActorProc.Remote.Tests", "PublicApi");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("Could not find tests/ActorProc.Remote.Tests/PublicApi above " + AppContext.BaseDirectory);
    }
}
