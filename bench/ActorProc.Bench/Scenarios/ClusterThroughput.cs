using System.CommandLine;
using ActorProc.Bench.Harness;

namespace ActorProc.Bench.Scenarios;

/// <summary>
/// The tiny-task claim (≥ 100,000 tasks/s end to end through a 3-node cluster, journaling on):
/// <c>actorproc submit sumsq --n 1000</c> (each task Σ i² for i &lt; 1,000, about a microsecond of
/// work) through three node processes on loopback with a fresh SQLite journal per round, against
/// <c>actorproc run</c> of the same job in one process. The rate is over the job's own
/// <c>elapsed_ms</c> (submit: from the submit request, journaling included, to the last result;
/// run: the job), so neither includes process start or, for submit, joining the cluster; the
/// submit process's wall time is kept as <c>process_ms</c>. Node start-up is outside the clock.
/// The cluster's value is its second job (see <see cref="RunClusterAsync"/>).
/// </summary>
internal sealed class ClusterThroughput : IScenario
{
    private const long N = 1_000;

    private readonly Option<int?> _tasks = SizeReader.Positive("--tasks", "Tiny sumsq tasks per job (default 100,000).", 1);

    public string Name => "cluster-throughput";

    public string Summary => "Tiny tasks (sumsq to 1,000) through 3 node processes with a SQLite journal vs actorproc run in one process (tasks/s; goal >= 100,000).";

    public IReadOnlyList<Option> Options => [_tasks];

    public BenchDefinition Define(SizeReader sizes)
    {
        var tasks = sizes.Get(_tasks, 100_000, 5_000);
        var cli = Hash.Tools.LocateCli();
        var notes = new List<string> { "goal (issue 10): >= 100,000 tasks/s end to end through a 3-node cluster with journaling" };
        var contenders = new List<Contender>();
        if (cli is not null)
        {
            contenders.Add(new Contender("actorproc-3-nodes", _ => RunClusterAsync(cli, tasks)));
            contenders.Add(Contender.Sync("actorproc-run", _ => RunLocal(cli, tasks)));
        }
        else
        {
            notes.Add(Hash.Tools.CliMissingNotice);
        }

        return new BenchDefinition
        {
            Name = Name,
            Unit = "tasks/s",
            Description = $"{tasks:N0} sumsq tasks of 1,000 terms: submit to 3 node processes on loopback (fresh SQLite journal each round) vs run in one process, on {Environment.ProcessorCount} cores",
            Check = "the job's total equals tasks × Σ i² for i < 1,000 and every task succeeded",
            Parameters = [new("tasks", tasks), new("n", N), new("nodes", 3)],
            Notes = notes,
            Contenders = contenders,
            DefaultRounds = sizes.Quick ? 1 : 3,
            DefaultWarmupRounds = 0,
        };
    }

    /// <summary>
    /// Two identical jobs one after the other: the second is the measure (a running cluster), the first
    /// is kept as <c>first_job_tasks_s</c>. A fresh cluster's first job also pays for JIT-compiling the
    /// nodes' code paths and for the shard coordinators journaling where each new shard lives (once per
    /// shard for the cluster's lifetime).
    /// </summary>
    private static async Task<RoundResult> RunClusterAsync(string cli, int tasks)
    {
        using var cluster = new LocalCluster(cli, 3);
        await cluster.StartAsync();
        var first = cluster.Submit("sumsq", "--n", $"{N}", "--tasks", $"{tasks}", "--json");
        var (firstMs, _, firstFailure) = LocalCluster.CheckSumSquares("first submit", first.ExitCode, first.Stdout, first.Stderr, N, tasks);
        var (elapsed, exitCode, stdout, stderr) = cluster.Submit("sumsq", "--n", $"{N}", "--tasks", $"{tasks}", "--json");
        var (jobMs, _, failure) = LocalCluster.CheckSumSquares("submit", exitCode, stdout, stderr, N, tasks);
        return Rate(tasks, jobMs, failure ?? firstFailure)
            .With("first_job_tasks_s", firstFailure is null ? tasks / (firstMs / 1000) : 0)
            .With("process_ms", elapsed.TotalMilliseconds);
    }

    private static RoundResult RunLocal(string cli, int tasks)
    {
        var (elapsed, exitCode, stdout, stderr) = Hash.Tools.Run(Hash.Tools.DotnetHost(), [cli, "run", "sumsq", "--n", $"{N}", "--tasks", $"{tasks}", "--json"]);
        var (jobMs, _, failure) = LocalCluster.CheckSumSquares("run", exitCode, stdout, stderr, N, tasks);
        return Rate(tasks, jobMs, failure).With("process_ms", elapsed.TotalMilliseconds);
    }

    private static RoundResult Rate(int tasks, double jobMs, string? failure) =>
        new RoundResult(failure is null ? tasks / (jobMs / 1000) : 0, failure is null) { Failure = failure };
}
