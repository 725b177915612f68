using ActorProc.Core.Configuration;

namespace ActorProc.Core.Tests.Configuration;

/// <summary>
/// Getters must not re-parse or copy the tree. Allocation counts are deterministic, unlike timings,
/// which belong in bench/ and never in unit tests.
/// </summary>
public sealed class HoconAllocationSpec
{
    /// <summary>Dotted keys, comments, quoted strings and a substitution on every other line.</summary>
    private static readonly string FiveHundredLines = string.Join('\n', Enumerable.Range(0, 250).Select(i =>
        $"actorproc.section-{i % 20}.key-{i} = \"value {i}\" # comment {i}\nactorproc.section-{i % 20}.ref-{i} = ${{actorproc.section-{i % 20}.key-{i}}}"));

    [Fact]
    public void Getters_do_not_allocate_in_proportion_to_the_tree()
    {
        var config = Config.Parse(FiveHundredLines);
        config.GetString("actorproc.section-3.key-3");

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            config.GetString("actorproc.section-3.key-3");
        }

        var perRead = (GC.GetAllocatedBytesForCurrentThread() - before) / 100;
        Assert.True(perRead < 1024, $"one GetString allocated {perRead} bytes");
    }
}
