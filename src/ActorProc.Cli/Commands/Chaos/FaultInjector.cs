using System.Globalization;
using ActorProc.Cluster.Client;
using ActorProc.Cluster.Processes;

namespace ActorProc.Cli.Commands.Chaos;

/// <summary>
/// Injects one fault every <see cref="ChaosSettings.FaultInterval"/> into a node drawn from a seeded
/// generator (never into the last <see cref="ChaosSettings.Spare"/> nodes), and brings the node back
/// before the next one: a killed node is started again after <see cref="ChaosSettings.RestartAfter"/>, a
/// paused one resumed, an isolated one resumed once the others removed it (it then exits as downed) and
/// started again. Faults never overlap, so a 3-node cluster always keeps its majority; a fault whose time
/// comes while the cluster is not whole waits. A node that exits by itself is noted and started again.
/// Concurrency contract: one sequential async loop; it alone drives the <see cref="LocalCluster"/>.
/// </summary>
internal sealed class FaultInjector(LocalCluster cluster, ClusterJobClient client, ChaosSettings settings, ChaosLedger ledger, TextWriter? log)
{
    private static readonly TimeSpan RemovalTimeout = TimeSpan.FromSeconds(60);
    private readonly Random _random = new(settings.Seed ^ 0x5eed);
    private readonly FaultKind[] _kinds = [.. settings.Faults.Order()];
    private readonly int _victims = cluster.Count - settings.Spare;

    /// <summary>
    /// Waits until the first job has completed (the cluster is warm: joined, jitted, journal open), calls
    /// <paramref name="warm"/>, then injects faults until <paramref name="until"/> (ledger seconds); every
    /// node is running and resumed when it returns.
    /// </summary>
    public async Task RunAsync(double until, Action warm, CancellationToken cancellationToken)
    {
        while (ledger.Tally().JobsCompleted == 0 && ledger.Now < until) await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        warm();
        if (_kinds.Length == 0 || _victims <= 0) return;
        var due = ledger.Now + settings.FaultInterval.TotalSeconds;
        while (!cancellationToken.IsCancellationRequested)
        {
            var wait = due - ledger.Now;
            if (wait > 0) await Task.Delay(TimeSpan.FromSeconds(Math.Min(wait, Math.Max(0, until - ledger.Now))), cancellationToken).ConfigureAwait(false);
            if (ledger.Now >= until) break;
            await HealAsync().ConfigureAwait(false);
            var kind = _kinds[_random.Next(_kinds.Length)];
            var victim = _random.Next(_victims);
            try
            {
                await InjectAsync(kind, victim).ConfigureAwait(false);
            }
            catch (Exception e) when (e is TimeoutException or InvalidOperationException)
            {
                ledger.Note($"{ledger.Now:0.0} s: {Verb(kind)} node {victim}: {FirstLine(e.Message)}");
                log?.WriteLine($"actorproc chaos: {Verb(kind)} node {victim} did not go as planned: {FirstLine(e.Message)}");
            }
            due = Math.Max(due + settings.FaultInterval.TotalSeconds, ledger.Now);
        }
        await HealAsync().ConfigureAwait(false);
    }

    private async Task InjectAsync(FaultKind kind, int node)
    {
        // Whose progress measures the recovery: the jobs whose job entity or a partition is on the node, asked just before the fault.
        var affected = (await client.GetJobsOnNodeAsync(cluster.ContactPoints[node]).ConfigureAwait(false))?.ToArray();
        log?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"actorproc chaos: {ledger.Now:0.0} s: {Verb(kind)} node {node} (:{cluster.Ports[node]}); jobs with entities there: {(affected is null ? "unknown (no answer)" : affected.Length.ToString(CultureInfo.InvariantCulture))}"));
        switch (kind)
        {
            case FaultKind.Kill:
                ledger.Injected(kind, node, affected);
                cluster.Kill(node);
                await Task.Delay(settings.RestartAfter).ConfigureAwait(false);
                await RestartAsync(node).ConfigureAwait(false);
                break;
            case FaultKind.Pause:
                ledger.Injected(kind, node, affected);
                cluster.Pause(node);
                await Task.Delay(TimeSpan.FromMilliseconds(_random.Next(500, 1501))).ConfigureAwait(false);
                cluster.Resume(node);
                break;
            case FaultKind.Isolate:
                var process = cluster.Node(node)!;
                var injected = false;
                try
                {
                    // Injected at the freeze itself; IsolateAsync returns once the others removed it.
                    var isolating = cluster.IsolateAsync(node, RemovalTimeout);
                    ledger.Injected(kind, node, affected);
                    injected = true;
                    await isolating.ConfigureAwait(false);
                }
                finally
                {
                    if (injected) TryResume(process);
                }
                var exit = await process.WaitForExitAsync(RemovalTimeout).ConfigureAwait(false);
                if (exit != 1) ledger.Note($"{ledger.Now:0.0} s: isolated node {node} exited {exit} after it was resumed (expected 1: downed)");
                await RestartAsync(node).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Starts every node that is not running (it exited by itself: noted), so the next fault meets a whole cluster.</summary>
    private async Task HealAsync()
    {
        for (var i = 0; i < cluster.Count; i++)
        {
            if (cluster.Node(i) is { IsRunning: true }) continue;
            var exit = cluster.Node(i) is { HasExited: true } p ? p.Process.ExitCode : (int?)null;
            ledger.Note($"{ledger.Now:0.0} s: node {i} was not running (exit code {exit?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}) and was started again");
            try
            {
                await RestartAsync(i).ConfigureAwait(false);
            }
            catch (TimeoutException e)
            {
                ledger.Note($"{ledger.Now:0.0} s: node {i} did not come back: {FirstLine(e.Message)}");
            }
        }
    }

    private async Task RestartAsync(int node)
    {
        await cluster.RestartAsync(node).ConfigureAwait(false);
        ledger.Restarted();
    }

    private static void TryResume(CliProcess process)
    {
        try
        {
            process.Resume();
        }
        catch (InvalidOperationException)
        {
            // it is gone already
        }
    }

    private static string Verb(FaultKind kind) => kind switch
    {
        FaultKind.Kill => "kill -9",
        FaultKind.Pause => "pause",
        _ => "isolate",
    };

    private static string FirstLine(string text) => text.Split('\n')[0];
}
