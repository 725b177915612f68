using ActorProc.Cluster.Chaos;
using ActorProc.Cluster.Jobs;
using ActorProc.Cluster.Processes;
using ActorProc.TestKit.Cluster;
using PluginTasks;
using Xunit.Abstractions;

namespace ClusterTests;

/// <summary>Cluster tests start node processes that load every core: one at a time, alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "cluster processes";
}

/// <summary>
/// The task as a durable job on three real node processes, one of them killed (SIGKILL) mid-job: every
/// task still ends with exactly one result, the one computed locally.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CollatzClusterSpec(ITestOutputHelper output)
{
    [Fact]
    public async Task A_node_killed_mid_job_loses_no_collatz_result()
    {
        await using var cluster = new ClusterFixture(output, new LocalClusterOptions
        {
            Nodes = 3,
            NodeConfig = LocalClusterOptions.TestTimings,
            NodeArguments = ["--assembly", Path.Combine(AppContext.BaseDirectory, "PluginTasks.dll")],
        });
        await cluster.StartAsync();
        var client = await cluster.ConnectClientAsync();
        var inputs = Enumerable.Range(1, 1_000).Select(i => (long)i * 7919).ToArray();
        var collatz = new CollatzSteps();
        var job = new ExpectedJob(
            new JobSpec("collatz-sample", "collatz", [.. inputs.Select(i => i.ToString())], partitionSize: 100),
            [.. inputs.Select(i => collatz.Run(i, CancellationToken.None).ToString())]);

        await client.SubmitAsync(job.Spec);
        await WaitAsync(async () => (await client.GetJobAsync(job.Spec.JobId, includeResults: false))?.Succeeded > 0);
        cluster.Kill(2);
        await WaitAsync(async () => (await client.GetJobAsync(job.Spec.JobId, includeResults: false))?.IsDone == true);

        var check = JobChecker.Check(job, await client.GetJobAsync(job.Spec.JobId));
        Assert.True(check.IsCorrect, string.Join("\n", check.Problems));
        Assert.Equal(inputs.Length, check.Checked);
    }

    /// <summary>Polls <paramref name="condition"/> until it holds (a request that times out while a shard moves is asked again).</summary>
    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            try
            {
                if (await condition()) return;
            }
            catch (TimeoutException)
            {
                // the job's entity is moving to another node
            }
            await Task.Delay(100, deadline.Token);
        }
    }
}
