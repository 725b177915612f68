using System.Diagnostics;
using Xunit.Abstractions;
using static ActorProc.Cli.Tests.Cluster.JobProgressLines;

namespace ActorProc.Cli.Tests.Cluster;

/// <summary>
/// A node frozen mid-job (SIGSTOP: no heartbeats, no writes, but alive) is downed by the majority's
/// split-brain resolver; the job completes on the other two. Thawed (SIGCONT), the node finds itself
/// downed and exits 1 without adding a result to the job.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class IsolatedNodeSpec(ITestOutputHelper output)
{
    private const int Tasks = 20_000;
    private const long N = 20_000;
    private static readonly TimeSpan Failover = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Frozen_node_is_downed_by_the_majority_and_when_thawed_exits_1_without_recording_a_result()
    {
        var clock = Stopwatch.StartNew();
        using var cluster = new TestCluster(3, output);
        await cluster.StartAsync();
        var upAt = clock.Elapsed;
        var report = Path.Combine(cluster.Directory, "report");
        var submit = cluster.Start("submit", "submit", "sumsq", "--n", $"{N}", "--tasks", $"{Tasks}", "--partition-size", "100",
            "--job-id", "isolated-1", "--cluster", cluster.Contact, "--json", "--verbose", "--report-dir", report);
        await WaitForDoneAsync(submit, 1);
        var frozen = cluster.Nodes[2]!;
        frozen.Freeze();
        var frozenAt = clock.Elapsed;

        var removed = $"member removed: akka.tcp://actorproc@127.0.0.1:{cluster.Ports[2]} ";
        await Task.WhenAll(cluster.Nodes[0]!.WaitForLineAsync(removed, Failover), cluster.Nodes[1]!.WaitForLineAsync(removed, Failover));
        var removedAt = clock.Elapsed;
        var exit = await submit.WaitForExitAsync(JobTimeout);
        Assert.True(exit == 0, $"submit exited {exit}:\n{submit.Stderr}");
        var json = Json(submit.Stdout);
        Assert.Equal(SumSquares(N, Tasks), json.GetProperty("results")[0].GetProperty("output").GetRawText());
        Assert.Equal(Tasks, json.GetProperty("succeeded").GetInt64());
        Assert.Equal(0, json.GetProperty("failed").GetInt64());
        AssertOneResultPerTask(report, Tasks, i => i.ToString());
        var lastBeforeThaw = Sqlite(cluster.SqliteJournal, "SELECT coalesce(max(ordering), 0) FROM event_journal").Trim();

        frozen.Thaw();
        Assert.Equal(1, await frozen.WaitForExitAsync(Failover));
        Assert.Contains("was downed by the cluster", frozen.Stderr);
        var exitedAt = clock.Elapsed;

        // The job as the journal has it now, read through a fresh client of the two survivors.
        var again = Path.Combine(cluster.Directory, "report-again");
        var job = cluster.Start("job", "job", "isolated-1", "--cluster", $"127.0.0.1:{cluster.Ports[0]},127.0.0.1:{cluster.Ports[1]}",
            "--json", "--report-dir", again);
        Assert.True(await job.WaitForExitAsync(CommandTimeout) == 0, job.Stderr);
        var after = Json(job.Stdout);
        Assert.Equal("isolated-1", after.GetProperty("job_id").GetString());
        Assert.Equal(SumSquares(N, Tasks), after.GetProperty("results")[0].GetProperty("output").GetRawText());
        Assert.Equal(Tasks, after.GetProperty("succeeded").GetInt64());
        AssertOneResultPerTask(again, Tasks, i => $"#{i}");
        var written = Sqlite(cluster.SqliteJournal, $"SELECT persistence_id, sequence_nr, manifest FROM event_journal WHERE ordering > {lastBeforeThaw}");
        output.WriteLine($"up at {upAt.TotalSeconds:0.0} s, frozen at {frozenAt.TotalSeconds:0.0} s, removed by the majority at {removedAt.TotalSeconds:0.0} s, thawed node exited at "
            + $"{exitedAt.TotalSeconds:0.0} s; {json.GetProperty("reexecuted")} task(s) re-executed; journal rows written after the thaw:\n{written}");
    }

    private static string Sqlite(string journal, string query)
    {
        var sqlite = Process.Start(new ProcessStartInfo("sqlite3", [journal, query]) { RedirectStandardOutput = true })!;
        var text = sqlite.StandardOutput.ReadToEnd();
        sqlite.WaitForExit();
        return text;
    }
}
