using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ActorProc.Cluster.Processes;

namespace ActorProc.Cli.Tests.Cluster;

/// <summary>Reading what <c>submit --verbose --json</c> and <c>--report-dir</c> leave behind.</summary>
internal static partial class JobProgressLines
{
    /// <summary>How long a 20,000-task job may take on a loaded 2-core machine, failover included.</summary>
    public static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Waits until the submit's progress shows the job running with at least <paramref name="done"/> tasks
    /// done, but not finished. Counts move per finished partition, and partitions run side by side, so
    /// they can jump from a few percent to done: callers act at the first progress, when every node has
    /// batches in flight.
    /// </summary>
    public static Task<string> WaitForDoneAsync(CliProcess submit, long done) => submit.WaitForLineAsync(line =>
        Progress().Match(line) is { Success: true } m && m.Groups["state"].Value == "running"
            && Number(m.Groups["done"].Value) >= done && Number(m.Groups["done"].Value) < Number(m.Groups["total"].Value),
        TimeSpan.FromSeconds(60), $"showing at least {done} tasks done");

    /// <summary>Σ i² for i &lt; n, times <paramref name="tasks"/>: what sumsq prints.</summary>
    public static string SumSquares(long n, long tasks) => ((Int128)(n - 1) * n * (2 * n - 1) / 6 * tasks).ToString(CultureInfo.InvariantCulture);

    /// <summary>The one JSON document a --json command printed.</summary>
    public static JsonElement Json(string stdout) => JsonDocument.Parse(stdout).RootElement;

    /// <summary>Every task is in succeeded.txt exactly once and failed.txt is empty.</summary>
    public static void AssertOneResultPerTask(string reportDirectory, int tasks, Func<int, string> name)
    {
        var succeeded = File.ReadAllLines(Path.Combine(reportDirectory, "succeeded.txt"));
        Assert.Equal(tasks, succeeded.Length);
        Assert.Equal(Enumerable.Range(0, tasks).Select(name).Order(StringComparer.Ordinal), succeeded.Order(StringComparer.Ordinal));
        Assert.Empty(File.ReadAllLines(Path.Combine(reportDirectory, "failed.txt")));
    }

    private static long Number(string text) => long.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"job \S+: (?<state>\w+), (?<done>[\d,]+)/(?<total>[\d,]+) done")]
    private static partial Regex Progress();
}
