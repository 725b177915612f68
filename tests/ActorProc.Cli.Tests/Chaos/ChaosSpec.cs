using System.Text.Json;
using ActorProc.Cli.Tests.Cluster;
using Xunit.Abstractions;

namespace ActorProc.Cli.Tests.Chaos;

/// <summary>
/// <c>actorproc chaos</c> end to end: three node processes, a minute of checked jobs under a seeded
/// kill/pause/isolate schedule, and the verdict document.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ChaosSpec(ITestOutputHelper output)
{
    [Fact]
    public async Task A_minute_of_faults_on_three_nodes_loses_duplicates_and_corrupts_no_result()
    {
        using var process = CliRunner.Start(null, "chaos", "--nodes", "3", "--duration", "60s", "--kill-every", "10s", "--seed", "42", "--json", "--verbose");
        var stderr = process.StandardError.ReadToEndAsync();
        var result = await CliRunner.CompleteAsync(process, stderr, TimeSpan.FromMinutes(4));
        output.WriteLine(result.Stderr);

        Assert.True(result.ExitCode == 0, result.ToString());
        var verdict = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal("pass", verdict.GetProperty("verdict").GetString());
        Assert.Equal(42, verdict.GetProperty("seed").GetInt32());
        Assert.Equal(3, verdict.GetProperty("nodes").GetInt32());
        Assert.Equal(0, verdict.GetProperty("lost").GetInt64());
        Assert.Equal(0, verdict.GetProperty("duplicated").GetInt64());
        Assert.Equal(0, verdict.GetProperty("wrong").GetInt64());
        var tasks = verdict.GetProperty("tasks").GetInt64();
        Assert.True(tasks > 0, "no task was run");
        Assert.Equal(tasks, verdict.GetProperty("results_checked").GetInt64());
        Assert.True(verdict.GetProperty("jobs_completed").GetInt32() > 0);
        Assert.Equal(verdict.GetProperty("jobs").GetInt32(), verdict.GetProperty("jobs_completed").GetInt32());
        var faults = verdict.GetProperty("fault_log").EnumerateArray().ToList();
        Assert.NotEmpty(faults);
        Assert.All(faults, f => Assert.Contains(f.GetProperty("kind").GetString(), new[] { "kill", "pause", "isolate" }));
        Assert.Equal(faults.Count, verdict.GetProperty("recovered").GetInt32() + verdict.GetProperty("unrecovered").GetInt32());
        // A fault after the last job was submitted may have no job completing after it (unrecovered, and not an error).
        if (verdict.GetProperty("recovered").GetInt32() > 0) Assert.True(verdict.GetProperty("longest_recovery_s").GetDouble() > 0);
        Assert.All(faults, f => Assert.True(f.GetProperty("affected_jobs").GetInt32() >= 0));
        Assert.True(verdict.GetProperty("job_latency_p99_s").GetDouble() >= verdict.GetProperty("job_latency_p50_s").GetDouble());
        var memory = verdict.GetProperty("memory").EnumerateArray().ToList();
        Assert.Equal(3, memory.Count);
        Assert.All(memory, m => Assert.True(m.GetProperty("end_rss_bytes").GetInt64() > 0));
        // The warm sample is taken a quarter into the run, from whichever nodes were running then.
        var warm = memory.Where(m => m.GetProperty("warm_rss_bytes").ValueKind == JsonValueKind.Number).ToList();
        Assert.NotEmpty(warm);
        Assert.All(warm, m => Assert.InRange(m.GetProperty("warm_at_s").GetDouble(), 15, 30));
        Assert.True(verdict.GetProperty("reexecuted").GetInt64() >= 0);
    }
}
