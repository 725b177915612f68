using System.Diagnostics;

namespace ActorProc.Cluster.Tests.Hostile;

/// <summary>
/// Hostile input at a node's Akka.Remote port (plain TCP): garbage, oversized frames and a flood of silent
/// connections. After each attack the node is still up, the two-node cluster still runs a durable job, and
/// the log holds one line per kind of rejection per interval plus a summary with the count of the rest.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class HostileInputSpec(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private const int Attempts = 20;

    [Fact]
    public async Task Garbage_frames_are_refused_logged_once_and_the_cluster_keeps_serving()
    {
        using var log = new LogCapture();

        var elapsed = await TimeAsync(async () =>
        {
            for (var i = 0; i < Attempts; i++) await Attacker.SendAndAwaitCloseAsync(cluster.TargetPort, Attacker.GarbageFrame(seed: i));
        });

        await AssertLoggedOncePerIntervalAsync(log, IsUndecodableFrame, Attempts, elapsed);
        await cluster.AssertServesAsync("hostile-garbage");
    }

    [Fact]
    public async Task Oversized_and_corrupted_frame_headers_are_refused_before_buffering_and_logged_once()
    {
        using var log = new LogCapture();

        var elapsed = await TimeAsync(async () =>
        {
            for (var i = 0; i < Attempts; i++)
            {
                await Attacker.SendAndAwaitCloseAsync(cluster.TargetPort, Attacker.OversizedFrameHeader());
                await Attacker.SendAndAwaitCloseAsync(cluster.TargetPort, Attacker.NegativeLengthHeader());
            }
        });

        await AssertLoggedOncePerIntervalAsync(log, e => e.Contains("TooLongFrameException"), Attempts, elapsed);
        await AssertLoggedOncePerIntervalAsync(log, e => e.Contains("CorruptedFrameException"), Attempts, elapsed);
        await cluster.AssertServesAsync("hostile-oversized");
    }

    [Fact]
    public async Task A_flood_of_silent_connections_is_closed_after_the_connection_timeout_while_jobs_still_run()
    {
        using var log = new LogCapture();
        const int connections = 200;

        var stopwatch = Stopwatch.StartNew();
        var silent = await Attacker.OpenSilentAsync(cluster.TargetPort, connections);
        try
        {
            await cluster.AssertServesAsync("hostile-flood"); // while the connections are held
            await Task.WhenAll(silent.Select(Attacker.AwaitClosedAsync)); // the node closes every one of them
        }
        finally
        {
            foreach (var client in silent) client.Dispose();
        }

        await AssertLoggedOncePerIntervalAsync(log, IsHandshakeTimeout, connections, stopwatch.Elapsed);
    }

    private static bool IsUndecodableFrame(string e) => e.Contains("decoding incoming Akka PDU");

    private static bool IsHandshakeTimeout(string e) => e.Contains("No response from remote for inbound association");

    internal static async Task<TimeSpan> TimeAsync(Func<Task> attack)
    {
        var stopwatch = Stopwatch.StartNew();
        await attack();
        return stopwatch.Elapsed;
    }

    /// <summary>
    /// Every attempt is accounted for in the log (a full line, or counted in a "(N more ...)" summary), and
    /// full lines number at most one per repeat interval that the attack (plus the node's reaction) spanned:
    /// a few, where one line per attempt would be dozens or hundreds.
    /// </summary>
    internal static async Task AssertLoggedOncePerIntervalAsync(LogCapture log, Func<string, bool> ofKind, int attempts, TimeSpan attackDuration)
    {
        var interval = TwoNodeCluster.RepeatInterval;
        // Summaries come when their interval ends: at most an interval and a flush period after the last event.
        try
        {
            await log.WhenAsync(l => l.Count(ofKind) is var (f, s) && f + s >= attempts, 3 * interval + attackDuration);
        }
        catch (TimeoutException)
        {
            var (f, s) = log.Count(ofKind);
            Assert.Fail($"{attempts} attempts, but the log holds {f} full lines and {s} summarized of that kind:\n{string.Join("\n", log.Events)}");
        }
        var (full, summarized) = log.Count(ofKind);
        // Events of the kind reach the logger from the attack's start until at most a connection timeout after
        // its end; two intervals more for the logger's own lag on a busy machine.
        var intervals = 3 + (int)Math.Ceiling((attackDuration + TwoNodeCluster.ConnectionTimeout) / interval);
        Assert.InRange(full, 1, intervals);
        Assert.True(full + summarized >= attempts, $"{attempts} attempts, but only {full} lines and {summarized} summarized in the log");
    }
}
