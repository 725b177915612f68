using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ActorProc.Cli.Commands.Chaos;

/// <summary>
/// One node's resident memory at the start of the run (after the first job completed), once it is warm
/// (a quarter into the run: .NET's heap budgets and the JIT's code settle over the first minutes of
/// work and faults, and the growth after that is what a leak would show), and at its end.
/// </summary>
/// <param name="Node">The node's index.</param>
/// <param name="Port">Its port.</param>
/// <param name="Start">The process and its RSS at the start (null: not measured).</param>
/// <param name="Warm">The same a quarter into the run.</param>
/// <param name="End">The same at the end.</param>
internal sealed record NodeMemory(int Node, int Port, MemorySample? Start, MemorySample? Warm, MemorySample? End)
{
    /// <summary>The same process at the start and the end: never killed, isolated or restarted.</summary>
    public bool Survived => Start is not null && Start.Pid == End?.Pid;

    /// <summary>RSS growth in percent from the start to the end, for a node that survived the run.</summary>
    public double? GrowthPercent => Survived ? Growth(Start, End) : null;

    /// <summary>RSS growth in percent from the warm sample to the end, for a node that survived the run.</summary>
    public double? WarmGrowthPercent => Survived && Warm?.Pid == End?.Pid ? Growth(Warm, End) : null;

    private static double? Growth(MemorySample? from, MemorySample? to) =>
        from is { Bytes: > 0 } && to is not null ? (to.Bytes - from.Bytes) * 100.0 / from.Bytes : null;
}

/// <summary>A node process's resident memory at <paramref name="AtSeconds"/> into the run.</summary>
internal sealed record MemorySample(int Pid, long Bytes, double AtSeconds);

/// <summary>
/// The verdict of a chaos run: its settings, what the ledger counted, and the nodes' memory. It passes
/// when at least one job was checked and no result was lost, duplicated or wrong.
/// </summary>
internal sealed record ChaosVerdict(ChaosSettings Settings, double ElapsedSeconds, ChaosTally Tally, IReadOnlyList<NodeMemory> Memory)
{
    public bool Passed => Tally.Lost == 0 && Tally.Duplicated == 0 && Tally.Wrong == 0 && Tally.Checked > 0;

    /// <summary>The JSON document of <c>--json</c> (durations in seconds, memory in bytes).</summary>
    public JsonObject ToJson() => new()
    {
        ["verdict"] = Passed ? "pass" : "fail",
        ["seed"] = Settings.Seed,
        ["nodes"] = Settings.Nodes,
        ["cluster"] = Settings.Cluster is null ? null : new JsonArray([.. Settings.Cluster.Select(c => (JsonNode)JsonValue.Create(c))]),
        ["duration_s"] = Settings.Duration.TotalSeconds,
        ["elapsed_s"] = Round(ElapsedSeconds),
        ["fault_every_s"] = Settings.FaultInterval.TotalSeconds,
        ["faults"] = new JsonObject
        {
            ["kill"] = Tally.Faults.GetValueOrDefault(FaultKind.Kill),
            ["pause"] = Tally.Faults.GetValueOrDefault(FaultKind.Pause),
            ["isolate"] = Tally.Faults.GetValueOrDefault(FaultKind.Isolate),
            ["restarts"] = Tally.Restarts,
        },
        ["jobs"] = Tally.Jobs,
        ["jobs_completed"] = Tally.JobsCompleted,
        ["tasks"] = Tally.Tasks,
        ["results_checked"] = Tally.Checked,
        ["lost"] = Tally.Lost,
        ["duplicated"] = Tally.Duplicated,
        ["wrong"] = Tally.Wrong,
        ["reexecuted"] = Tally.Reexecuted,
        ["recovered"] = Tally.Recovered,
        ["unrecovered"] = Tally.Unrecovered,
        ["longest_recovery_s"] = Round(Tally.LongestRecovery),
        ["median_recovery_s"] = Round(Tally.MedianRecovery),
        ["longest_settling_s"] = Round(Tally.LongestSettling),
        ["job_latency_p50_s"] = Round(Tally.LatencyP50),
        ["job_latency_p99_s"] = Round(Tally.LatencyP99),
        ["memory"] = new JsonArray([.. Memory.Select(m => (JsonNode)new JsonObject
        {
            ["node"] = m.Node,
            ["port"] = m.Port,
            ["start_rss_bytes"] = m.Start?.Bytes,
            ["warm_rss_bytes"] = m.Warm?.Bytes,
            ["warm_at_s"] = Round(m.Warm?.AtSeconds),
            ["end_rss_bytes"] = m.End?.Bytes,
            ["survived"] = m.Survived,
            ["growth_percent"] = Round(m.GrowthPercent),
            ["warm_growth_percent"] = Round(m.WarmGrowthPercent),
        })]),
        ["problems"] = new JsonArray([.. Tally.Problems.Select(p => (JsonNode)JsonValue.Create(p))]),
        ["notes"] = new JsonArray([.. Tally.Notes.Select(p => (JsonNode)JsonValue.Create(p))]),
        ["fault_log"] = new JsonArray([.. Tally.FaultLog.Select(f => (JsonNode)new JsonObject
        {
            ["at_s"] = Round(f.At),
            ["kind"] = f.Kind.ToString().ToLowerInvariant(),
            ["node"] = f.Node,
            ["affected_jobs"] = f.AffectedJobs,
            ["recovery_s"] = Round(f.Recovery),
            ["settling_s"] = Round(f.Settling),
        })]),
    };

    /// <summary>(label, value) rows of the verdict table.</summary>
    public IReadOnlyList<(string Label, string Value)> Rows()
    {
        var rows = new List<(string, string)>
        {
            ("verdict", Passed ? "PASS" : "FAIL"),
            ("seed", N(Settings.Seed)),
            ("elapsed", Seconds(ElapsedSeconds)),
            ("faults", $"{Tally.Faults.GetValueOrDefault(FaultKind.Kill)} kill -9, {Tally.Faults.GetValueOrDefault(FaultKind.Pause)} pause, {Tally.Faults.GetValueOrDefault(FaultKind.Isolate)} isolate; {Tally.Restarts} restarts"),
            ("jobs", $"{N(Tally.Jobs)} ({N(Tally.JobsCompleted)} completed)"),
            ("tasks", N(Tally.Tasks)),
            ("results checked", N(Tally.Checked)),
            ("lost", N(Tally.Lost)),
            ("duplicated", N(Tally.Duplicated)),
            ("wrong", N(Tally.Wrong)),
            ("re-executions", N(Tally.Reexecuted)),
            ("longest recovery", $"{Seconds(Tally.LongestRecovery)} (median {Seconds(Tally.MedianRecovery)}; {Tally.Unrecovered} not recovered)"),
            ("longest settling", Seconds(Tally.LongestSettling)),
            ("job latency p50 / p99", $"{Seconds(Tally.LatencyP50)} / {Seconds(Tally.LatencyP99)}"),
        };
        foreach (var m in Memory)
        {
            var warm = m.WarmGrowthPercent is { } w ? string.Create(CultureInfo.InvariantCulture, $"{Mib(m.Warm?.Bytes)} at {m.Warm!.AtSeconds:0} s -> ") : "";
            rows.Add(($"node {m.Node} memory (:{m.Port})", $"{Mib(m.Start?.Bytes)} -> {warm}{Mib(m.End?.Bytes)}"
                + (m.GrowthPercent is { } g
                    ? string.Create(CultureInfo.InvariantCulture, $" ({g:+0.0;-0.0} % from the first job{(m.WarmGrowthPercent is { } wg ? $", {wg:+0.0;-0.0} % from {m.Warm!.AtSeconds:0} s" : "")}; survived)")
                    : " (restarted during the run)")));
        }
        return rows;
    }

    /// <summary>Writes <see cref="ToJson"/> indented.</summary>
    public void WriteJson(Stream stream)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        ToJson().WriteTo(writer);
        writer.Flush();
        stream.WriteByte((byte)'\n');
        stream.Flush();
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Seconds(double? value) => value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:0.00} s") : "-";

    private static string Mib(long? bytes) => bytes is { } b ? string.Create(CultureInfo.InvariantCulture, $"{b / 1048576.0:0.0} MiB") : "-";
}
