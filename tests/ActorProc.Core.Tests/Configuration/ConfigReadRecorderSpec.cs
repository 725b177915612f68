using ActorProc.Core.Configuration;

namespace ActorProc.Core.Tests.Configuration;

public sealed class ConfigReadRecorderSpec
{
    private static readonly Config Sample = Config.Parse("a { b = 1, c = 2s, list = [x] }");

    [Fact]
    public void Typed_getters_record_full_paths_including_missing_ones_read_with_defaults()
    {
        using (ConfigReadRecorder.Start(out var paths))
        {
            Sample.GetInt("a.b");
            Sample.GetConfig("a").GetTimeSpan("c");
            Sample.GetStringList("a.list");
            Sample.GetInt("a.missing", 5);

            Assert.Equal(["a.b", "a.c", "a.list", "a.missing"], paths.Order());
        }
    }

    [Fact]
    public async Task Only_reads_in_the_recording_async_flow_are_captured()
    {
        var otherFlowMayRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var otherFlow = Task.Run(async () =>
        {
            await otherFlowMayRead.Task;
            Sample.GetInt("a.b");
        });

        using (ConfigReadRecorder.Start(out var paths))
        {
            otherFlowMayRead.SetResult();
            await otherFlow;
            await Task.Run(() => Sample.GetTimeSpan("a.c"));

            Assert.Equal(["a.c"], paths);
        }
    }

    [Fact]
    public async Task Parallel_reads_in_the_flow_are_all_recorded()
    {
        using (ConfigReadRecorder.Start(out var paths))
        {
            await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => Sample.GetInt($"k{i}", 0))));

            Assert.Equal(64, paths.Count);
        }
    }

    [Fact]
    public void Reads_after_dispose_are_not_recorded()
    {
        ICollection<string> paths;
        using (ConfigReadRecorder.Start(out paths))
        {
            Sample.GetInt("a.b");
        }

        Sample.GetTimeSpan("a.c");

        Assert.Equal(["a.b"], paths);
    }
}
