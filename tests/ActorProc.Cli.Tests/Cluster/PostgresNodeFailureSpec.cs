using ActorProc.Cluster.Tests.Nodes;
using Xunit.Abstractions;
using static ActorProc.Cli.Tests.Cluster.JobProgressLines;

namespace ActorProc.Cli.Tests.Cluster;

/// <summary>
/// The kill -9 scenario through the CLI on the PostgreSQL journal (<c>--journal postgres:...</c>): the
/// real server of <c>ACTORPROC_TEST_POSTGRES</c>, a fresh database per test; without the variable the
/// spec fails, saying how to provide it (never skipped).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PostgresNodeFailureSpec(ITestOutputHelper output)
{
    private const int Tasks = 20_000;
    private const long N = 20_000;

    [Fact]
    public async Task Killed_node_mid_job_on_the_postgres_journal_loses_no_task_and_the_total_is_right()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        using var cluster = TestClusters.Create(3, output, database.Journal);
        await cluster.StartAsync();
        var report = Path.Combine(cluster.Directory, "report");
        var submit = cluster.StartCommand("submit", "submit", "sumsq", "--n", $"{N}", "--tasks", $"{Tasks}", "--partition-size", "100",
            "--cluster", cluster.Contact, "--json", "--verbose", "--report-dir", report);
        await WaitForDoneAsync(submit, 1);
        cluster.Kill(2);

        var exit = await submit.WaitForExitAsync(JobTimeout);
        Assert.True(exit == 0, $"submit exited {exit}:\n{submit.Stderr}");
        var json = Json(submit.Stdout);
        Assert.Equal(SumSquares(N, Tasks), json.GetProperty("results")[0].GetProperty("output").GetRawText());
        Assert.Equal(Tasks, json.GetProperty("succeeded").GetInt64());
        Assert.Equal(0, json.GetProperty("failed").GetInt64());
        Assert.True(json.GetProperty("reexecuted").GetInt64() >= 0);
        AssertOneResultPerTask(report, Tasks, i => i.ToString());
        output.WriteLine($"kill -9 on postgres: {json.GetProperty("reexecuted")} task(s) re-executed; elapsed {json.GetProperty("elapsed_ms")} ms");
    }
}
