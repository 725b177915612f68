using System.Reflection;

namespace ActorProc.Tests.PublicApi;

/// <summary>
/// Compares an assembly's public surface with its checked-in snapshot
/// (<c>tests/&lt;project&gt;/PublicApi/&lt;assembly&gt;.approved.txt</c>). Shared by the test projects
/// (linked as source), so each one guards its own assembly with a one-line test. When a change is
/// intended, run the tests with <c>ACTORPROC_ACCEPT_API=1</c> to rewrite the snapshot, then review
/// and commit the diff.
/// </summary>
public static class PublicApiSnapshot
{
    /// <summary>Fails with the added and removed lines when the surface differs from the snapshot.</summary>
    public static void Verify(Assembly assembly, string testProjectFolder)
    {
        var name = assembly.GetName().Name!;
        var actual = PublicApiRenderer.Render(assembly);
        var approvedPath = Path.Combine(SnapshotDirectory(testProjectFolder), name + ".approved.txt");

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
        Assert.Fail($"The public API of {name} changed. If intended, rerun with ACTORPROC_ACCEPT_API=1 and commit the snapshot.\n"
            + string.Join('\n', removed.Concat(added)));
    }

    /// <summary>The snapshot folder of a test project, found by walking up from the test binaries to the repository root.</summary>
    private static string SnapshotDirectory(string testProjectFolder)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", testProjectFolder, "PublicApi");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"Could not find tests/{testProjectFolder}/PublicApi above {AppContext.BaseDirectory}");
    }
}
