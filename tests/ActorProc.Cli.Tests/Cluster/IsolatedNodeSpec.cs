using System.Diagnostics;
using ActorProc.Cluster.Tests.Nodes;
using Npgsql;
using Xunit.Abstractions;
using static ActorProc.Cli.Tests.Cluster.JobProgressLines;

namespace ActorProc.Cli.Tests.Cluster;

/// <summary>
/// A node frozen mid-job (SIGSTOP: no heartbeats, no writes, but alive) is downed by the majority's
/// split-brain resolver; the job completes on the other two. Thawed (SIGCONT), the node finds itself
/// downed and exits 1 without adding a result to the job. On the PostgreSQL journal: a process frozen
/// inside a SQLite transaction holds the shared file's lock and stalls the other nodes (seen: the
/// survivors timed out loading their remember-entities stores until the frozen node was thawed).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class IsolatedNodeSpec(ITestOutputHelper output)
{
    // Few partitions of heavier tasks: a quick start (each partition's first write to the shared journal
    // is what a busy start waits on), and a job that still runs on every node when the first one is done.
    private const int Tasks = 2_000;
    private const long N = 1_000_000;
    private static readonly TimeSpan Failover = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Frozen_node_is_downed_by_the_majority_and_when_thawed_exits_1_without_recording_a_result()
    {
        var clock = Stopwatch.StartNew();
        await using var database = await TestPostgres.CreateDatabaseAsync();
        using var cluster = TestClusters.Create(3, output, database.Journal);
        await cluster.StartAsync();
        var upAt = clock.Elapsed;
        var report = Path.Combine(cluster.Directory, "report");
        var submit = cluster.StartCommand("submit", "submit", "sumsq", "--n", $"{N}", "--tasks", $"{Tasks}", "--partition-size", "50",
            "--job-id", "isolated-1", "--cluster", cluster.Contact, "--json", "--verbose", "--report-dir", report);
        await WaitForDoneAsync(submit, 1);
        var frozen = cluster[2];
        frozen.Pause();
        var frozenAt = clock.Elapsed;

        var removed = $"member removed: akka.tcp://actorproc@127.0.0.1:{cluster.Ports[2]} ";
        await Task.WhenAll(cluster[0].WaitForLineAsync(removed, Failover), cluster[1].WaitForLineAsync(removed, Failover));
        var removedAt = clock.Elapsed;
        // Thawed as soon as the survivors report the job done (the submit's leave may take a few seconds more).
        await submit.WaitForLineAsync("job isolated-1: completed, ", JobTimeout);
        var lastBeforeThaw = (await QueryAsync(database.ConnectionString, "SELECT coalesce(max(ordering), 0) FROM event_journal")).Trim();
        var thawedAt = clock.Elapsed;
        frozen.Resume();

        var exit = await submit.WaitForExitAsync(JobTimeout);
        Assert.True(exit == 0, $"submit exited {exit}:\n{submit.Stderr}");
        var json = Json(submit.Stdout);
        Assert.Equal(SumSquares(N, Tasks), json.GetProperty("results")[0].GetProperty("output").GetRawText());
        Assert.Equal(Tasks, json.GetProperty("succeeded").GetInt64());
        Assert.Equal(0, json.GetProperty("failed").GetInt64());
        AssertOneResultPerTask(report, Tasks, i => i.ToString());
        Assert.Equal(1, await frozen.WaitForExitAsync(Failover));
        Assert.Contains("was downed by the cluster", frozen.Stderr);
        var exitedAt = clock.Elapsed;

        // The job as the journal has it now, read through a fresh client of the two survivors.
        var again = Path.Combine(cluster.Directory, "report-again");
        var job = cluster.StartCommand("job", "job", "isolated-1", "--cluster", $"127.0.0.1:{cluster.Ports[0]},127.0.0.1:{cluster.Ports[1]}",
            "--json", "--report-dir", again);
        Assert.True(await job.WaitForExitAsync(CommandTimeout) == 0, job.Stderr);
        var after = Json(job.Stdout);
        Assert.Equal("isolated-1", after.GetProperty("job_id").GetString());
        Assert.Equal(SumSquares(N, Tasks), after.GetProperty("results")[0].GetProperty("output").GetRawText());
        Assert.Equal(Tasks, after.GetProperty("succeeded").GetInt64());
        AssertOneResultPerTask(again, Tasks, i => $"#{i}");
        // The job's results are its events: a completed job records none, and the thawed node's writes
        // (its shards' remember-entities stores, seen in its log) are refused by the journal's unique
        // (persistence_id, sequence_nr) index, since the new owners have written past its sequence numbers.
        Assert.Equal("0", (await QueryAsync(database.ConnectionString, $"SELECT count(*) FROM event_journal WHERE persistence_id = 'job-isolated-1' AND ordering > {lastBeforeThaw}")).Trim());
        var written = await QueryAsync(database.ConnectionString, $"SELECT persistence_id, sequence_nr, manifest FROM event_journal WHERE ordering > {lastBeforeThaw}");
        output.WriteLine($"up at {upAt.TotalSeconds:0.0} s, frozen at {frozenAt.TotalSeconds:0.0} s, removed by the majority at {removedAt.TotalSeconds:0.0} s, thawed at {thawedAt.TotalSeconds:0.0} s, exited at "
            + $"{exitedAt.TotalSeconds:0.0} s; {json.GetProperty("reexecuted")} task(s) re-executed; journal rows written after the thaw:\n{written}");
    }

    /// <summary>The rows of a query on the journal's database, one line each, columns joined by '|'.</summary>
    private static async Task<string> QueryAsync(string connectionString, string query)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(query, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)));
        return string.Join('\n', rows);
    }
}
