using System.Globalization;
using ActorProc.Cli.Hosting;
using ActorProc.Cli.Output;
using ActorProc.Cluster.Client;
using ActorProc.Cluster.Processes;

namespace ActorProc.Cli.Commands.Chaos;

/// <summary>
/// Runs one chaos session: starts the local cluster (or joins the one given), then for the run's duration
/// keeps <see cref="ChaosSettings.Concurrency"/> checked jobs in flight while the <see cref="FaultInjector"/>
/// kills, pauses and isolates nodes; then lets the running jobs finish, measures the nodes' memory, and
/// returns the verdict. Live status goes to stderr every few seconds.
/// </summary>
internal sealed class ChaosRunner(ChaosSettings settings, CliConsole console)
{
    private static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(5);

    /// <summary>Short asks: a request lost with a dying node is asked again soon instead of waiting out the client's default 15 s.</summary>
    private const string ClientConfig = """
        actorproc.cluster.client.ask-timeout = 2s
        akka { loglevel = ERROR, stdout-loglevel = OFF }
        """;

    /// <exception cref="ClusterUnreachableException">The cluster given could not be reached.</exception>
    /// <exception cref="TimeoutException">A local node did not start.</exception>
    public async Task<ChaosVerdict> RunAsync(CancellationToken cancellationToken)
    {
        var ownsDirectory = settings.WorkDirectory is null;
        var directory = settings.WorkDirectory ?? Directory.CreateTempSubdirectory("actorproc-chaos-").FullName;
        var status = settings.Quiet ? null : console.Error;
        var log = settings.Verbose ? console.Error : null;
        LocalCluster? cluster = null;
        try
        {
            var workload = new ChaosWorkload(settings.Seed, Path.Combine(directory, "files"));
            status?.WriteLine($"actorproc chaos: seed {settings.Seed}; {Describe()}");
            if (settings.Nodes is { } nodes)
            {
                cluster = new LocalCluster(new LocalClusterOptions
                {
                    Nodes = nodes,
                    Cli = ActorProcCli.FromPath(typeof(ChaosRunner).Assembly.Location),
                    Journal = settings.Journal,
                    NodeArguments = settings.NodeConfig is { } file ? ["--config", Path.GetFullPath(file)] : [],
                    Directory = Path.Combine(directory, "nodes"),
                    // Kept only with --work-dir (a temporary directory is deleted after the run).
                    LogDirectory = ownsDirectory ? null : Path.Combine(directory, "logs"),
                    StartTimeout = TimeSpan.FromSeconds(60),
                });
                await cluster.StartAsync().ConfigureAwait(false);
                status?.WriteLine($"actorproc chaos: {nodes} nodes up at {cluster.Contact}");
            }
            var contact = cluster?.ContactPoints ?? settings.Cluster!;
            var client = await ClusterJobClient.ConnectAsync(contact, TimeSpan.FromSeconds(30), ConfigurationFactory.ParseString(ClientConfig), cancellationToken).ConfigureAwait(false);
            try
            {
                return await RunWorkloadAsync(client, workload, cluster, status, log, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await Task.WhenAny(client.DisposeAsync().AsTask(), Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
            }
        }
        finally
        {
            if (cluster is not null && settings.Verbose)
            {
                foreach (var process in cluster.Processes) console.Error.WriteLine($"===== {process.Name} (pid {process.Id}): stderr, last 40 lines =====\n{process.Tail(40)}");
            }
            cluster?.Dispose();
            if (ownsDirectory) TryDelete(directory);
        }
    }

    private async Task<ChaosVerdict> RunWorkloadAsync(ClusterJobClient client, ChaosWorkload workload, LocalCluster? cluster, TextWriter? status, TextWriter? log, CancellationToken cancellationToken)
    {
        var ledger = new ChaosLedger();
        var submitUntil = settings.Duration.TotalSeconds;
        var giveUpAt = submitUntil + settings.DrainTimeout.TotalSeconds;
        var lanes = Enumerable.Range(0, settings.Concurrency)
            .Select(_ => new JobLane(client, workload, ledger, log).RunAsync(submitUntil, giveUpAt, cancellationToken)).ToArray();
        MemorySample?[]? start = null, warm = null;
        // The start of the memory comparison: when the first job has completed (the nodes have joined, jitted
        // and run work), just before the first fault; the warm sample a quarter into the run.
        var injector = cluster is null ? Task.CompletedTask : new FaultInjector(cluster, client, settings, ledger, log).RunAsync(submitUntil, () => start = Sample(cluster, ledger), cancellationToken);
        var work = Task.WhenAll([.. lanes, injector]);
        var nextStatus = StatusInterval.TotalSeconds;
        while (!work.IsCompleted)
        {
            await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None)).ConfigureAwait(false);
            if (cluster is not null && start is not null && warm is null && ledger.Now >= submitUntil / 4) warm = Sample(cluster, ledger);
            if (ledger.Now < nextStatus) continue;
            nextStatus += StatusInterval.TotalSeconds;
            status?.WriteLine(StatusLine(ledger, cluster));
        }
        try
        {
            await work.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: the verdict of what was seen so far
        }
        var end = cluster is null ? null : Sample(cluster, ledger);
        var memory = cluster is null ? [] : Enumerable.Range(0, cluster.Count)
            .Select(i => new NodeMemory(i, cluster.Ports[i], start?[i], warm?[i], end![i])).ToArray();
        return new ChaosVerdict(settings, ledger.Now, ledger.Tally(), memory);
    }

    private static MemorySample?[] Sample(LocalCluster cluster, ChaosLedger ledger) => [.. Enumerable.Range(0, cluster.Count).Select(i =>
        cluster.Node(i) is { IsRunning: true } node && node.ResidentBytes() is { } bytes ? new MemorySample(node.Id, bytes, ledger.Now) : null)];

    private static string StatusLine(ChaosLedger ledger, LocalCluster? cluster)
    {
        var t = ledger.Tally();
        var up = cluster is null ? "" : $"; nodes running {Enumerable.Range(0, cluster.Count).Count(i => cluster.Node(i) is { IsRunning: true })}/{cluster.Count}";
        return string.Create(CultureInfo.InvariantCulture,
            $"actorproc chaos: {ledger.Now:0} s: jobs {t.JobsCompleted:N0} completed, {t.Running} running; results checked {t.Checked:N0}; lost {t.Lost}, duplicated {t.Duplicated}, wrong {t.Wrong}; "
            + $"faults {t.FaultLog.Count} (kill {t.Faults.GetValueOrDefault(FaultKind.Kill)}, pause {t.Faults.GetValueOrDefault(FaultKind.Pause)}, isolate {t.Faults.GetValueOrDefault(FaultKind.Isolate)}); "
            + $"longest recovery {(t.LongestRecovery is { } r ? $"{r:0.0} s" : "-")}{up}");
    }

    private string Describe()
    {
        var target = settings.Nodes is { } n ? $"{n} local nodes" : $"the cluster at {string.Join(",", settings.Cluster!)}";
        var faults = settings.Faults.Count == 0 ? "no faults" : $"a fault ({string.Join("/", settings.Faults.Order().Select(f => f.ToString().ToLowerInvariant()))}) every {settings.FaultInterval.TotalSeconds:0.#} s";
        return string.Create(CultureInfo.InvariantCulture, $"{target}, {settings.Duration.TotalSeconds:0.#} s, {faults}, {settings.Concurrency} jobs in flight");
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // left for the system's temporary-file cleanup
        }
    }
}
