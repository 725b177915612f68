using System.CommandLine;
using System.Diagnostics;
using ActorProc.Bench.Harness;
using ActorProc.Cluster.Client;
using ActorProc.Cluster.Jobs;
using Akka.Configuration;

namespace ActorProc.Bench.Scenarios;

/// <summary>
/// The request/reply claim (≥ 200,000 round trips/s to 1,000 sharded entities across 2 nodes,
/// 1,000 in flight). The entities are ActorProc's own: 1,000 durable jobs (empty, so each is done at
/// once) spread by sharding over 2 node processes; the requests are what a dashboard or a
/// <c>job</c> poller sends, <see cref="ClusterJobClient.GetJobAsync"/> without results, answered with
/// the job's <see cref="JobStatus"/>. The client is this process, a cluster member of its own (role
/// client, no shards), so every request and reply crosses the wire. Each round starts the nodes with
/// a fresh SQLite journal, submits the jobs, queries each once (every entity is then live in memory),
/// and then keeps 1,000 queries in flight (one loop per job) for the measured window.
/// The baseline is the same cluster with Akka.NET's default serializer (Newtonsoft JSON) bound to
/// the query and its reply, on the nodes and the client: what the issue measured plain Akka.NET at.
/// A third contender keeps the same 1,000 queries in flight as 4 callers of
/// <see cref="ClusterJobClient.GetJobsAsync"/> with 250 ids each: every query is still answered with its
/// job's status, but each worker answers the ids of its shards in one message.
/// </summary>
internal sealed class ClusterRequestReply : IScenario
{
    private const int Entities = 1_000;

    // Akka's default serializer for the two messages of the measured exchange, everything else unchanged.
    private const string JsonBindings = """
        akka.actor.serialization-bindings {
          "ActorProc.Cluster.Jobs.GetJob, ActorProc.Cluster" = json
          "ActorProc.Cluster.Jobs.JobStatus, ActorProc.Cluster" = json
        }
        """;

    private readonly Option<int?> _seconds = SizeReader.Positive("--seconds", "Measured window per round in seconds (default 5).", 1);

    public string Name => "cluster-request-reply";

    public string Summary => "Request/reply to 1,000 sharded job entities on 2 node processes, 1,000 in flight, from a client member (round trips/s; goal >= 200,000).";

    public IReadOnlyList<Option> Options => [_seconds];

    public BenchDefinition Define(SizeReader sizes)
    {
        var seconds = sizes.Get(_seconds, 5, 1);
        var cli = Hash.Tools.LocateCli();
        var notes = new List<string> { "goal (issue 10): >= 200,000 round trips/s to 1,000 sharded entities across 2 nodes, 1,000 in flight" };
        var contenders = new List<Contender>();
        if (cli is not null)
        {
            contenders.Add(new Contender("actorproc-binary", _ => RunAsync(cli, seconds, null)));
            contenders.Add(new Contender("akka-default-json", _ => RunAsync(cli, seconds, JsonBindings)));
            contenders.Add(new Contender("actorproc-batched", _ => RunAsync(cli, seconds, null, batched: true)));
        }
        else
        {
            notes.Add(Hash.Tools.CliMissingNotice);
        }

        return new BenchDefinition
        {
            Name = Name,
            Unit = "round trips/s",
            Description = $"GetJob → JobStatus to {Entities:N0} job entities sharded over 2 node processes, {Entities:N0} in flight from a client member, {seconds} s per round, on {Environment.ProcessorCount} cores",
            Check = "every reply is the queried job's status (its id, completed)",
            Parameters = [new("entities", Entities), new("in_flight", Entities), new("seconds", seconds), new("nodes", 2)],
            Notes = notes,
            Contenders = contenders,
            DefaultRounds = sizes.Quick ? 1 : 3,
            DefaultWarmupRounds = 0,
        };
    }

    /// <summary>Callers of <see cref="ClusterJobClient.GetJobsAsync"/> in the batched contender, each with its share of the ids.</summary>
    private const int BatchCallers = 4;

    private static async Task<RoundResult> RunAsync(string cli, int seconds, string? config, bool batched = false)
    {
        using var cluster = new LocalCluster(cli, 2, config: config);
        await cluster.StartAsync();
        var clientConfig = config is null ? null : ConfigurationFactory.ParseString(config);
        await using var client = await ClusterJobClient.ConnectAsync(cluster.ContactPoints, LocalCluster.StartTimeout, clientConfig);
        var ids = Enumerable.Range(0, Entities).Select(i => $"rr-{i:D4}-{Guid.NewGuid():N}").ToArray();
        // Empty jobs: journaled and completed at once, with no partitions.
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 100 }, async (id, ct) => await client.SubmitAsync(new JobSpec(id, "sumsq", []), ct));
        var wrong = 0L;
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 100 }, async (id, ct) => Check(await client.GetJobAsync(id, includeResults: false, ct), id, ref wrong));

        var deadline = Stopwatch.GetTimestamp() + (seconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var counts = batched
            ? await Task.WhenAll(ids.Chunk(Entities / BatchCallers).Select(share => Task.Run(async () =>
            {
                var n = 0L;
                while (Stopwatch.GetTimestamp() < deadline)
                {
                    var statuses = await client.GetJobsAsync(share).ConfigureAwait(false);
                    for (var i = 0; i < share.Length; i++) Check(statuses[i], share[i], ref wrong);
                    n += share.Length;
                }
                return n;
            })))
            : await Task.WhenAll(ids.Select(id => Task.Run(async () =>
            {
                var n = 0L;
                while (Stopwatch.GetTimestamp() < deadline)
                {
                    Check(await client.GetJobAsync(id, includeResults: false).ConfigureAwait(false), id, ref wrong);
                    n++;
                }
                return n;
            })));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var total = counts.Sum();
        var result = RoundResult.Rate(total, elapsed, wrong == 0);
        return (wrong == 0 ? result : result with { Failure = $"{wrong} replies were not the queried job's completed status" }).With("round_trips", total);
    }

    private static void Check(JobStatus? status, string id, ref long wrong)
    {
        if (status is not { State: JobState.Completed } || status.JobId != id) Interlocked.Increment(ref wrong);
    }
}
