using System.CommandLine;
using System.Runtime.InteropServices;
using ActorProc.Cli.Cluster;
using ActorProc.Cli.Hosting;
using ActorProc.Cli.Output;
using ActorProc.Cluster.Nodes;
using ActorProc.Dashboard;

namespace ActorProc.Cli.Commands.Cluster;

/// <summary>
/// <c>actorproc node</c>: runs one cluster node until SIGTERM or Ctrl+C, then leaves gracefully (its
/// shards hand off; a partition finishes and persists the batch it is running) and exits 0. The node
/// runs the built-in tasks and the tasks of the <c>--assembly</c> plugins. Membership changes are
/// logged on stderr by the node itself (<c>actorproc cluster: member up: ...</c>).
/// </summary>
internal static class NodeCommand
{
    public static Command Create(CliConsole console)
    {
        var host = new Option<string?>("--host") { Description = "Host name or IP address to bind to and be reached at (default 127.0.0.1).", HelpName = "HOST" };
        var port = ValueParsers.AtLeast("--port", "TCP port (default 0: any free port).", 0, 65535);
        var seeds = new Option<string[]>("--seed") { Description = "A seed node as host:port (repeatable). A node that lists itself first forms the cluster; without seeds it is a cluster of its own.", HelpName = "HOST:PORT", Arity = ArgumentArity.ZeroOrMore };
        var roles = new Option<string?>("--roles") { Description = "Cluster roles, comma-separated (default worker: only workers host jobs).", HelpName = "R1,R2" };
        var journal = new Option<string?>("--journal") { Description = "sqlite:PATH (default sqlite:actorproc-journal.db; node processes on one machine may share it) or postgres:CONNECTION-STRING (also actorproc.cluster.journal in --config, or ACTORPROC__CLUSTER__JOURNAL).", HelpName = "JOURNAL" };
        var assemblies = new Option<string[]>("--assembly") { Description = "Plugin assembly with [ActorTask] classes (repeatable), as for run.", HelpName = "DLL", Arity = ArgumentArity.ZeroOrMore };
        var config = new Option<string?>("--config") { Description = "HOCON file over cluster.conf and actorproc.conf: akka.cluster.*, actorproc.cluster.*, actorproc.pool.*, dispatchers.", HelpName = "FILE" };
        var metricsPort = ValueParsers.AtLeast("--metrics-port", "Serve the ActorProc metrics in Prometheus text format at http://METRICS-HOST:N/metrics (default: not served).", 1, 65535);
        var metricsHost = new Option<string>("--metrics-host") { Description = "Address the metrics port listens on (default 127.0.0.1).", HelpName = "HOST", DefaultValueFactory = _ => "127.0.0.1" };
        var command = new Command("node", "Run a cluster node: join the seeds, host a share of the durable jobs, run their tasks on this machine's cores; SIGTERM or Ctrl+C leaves gracefully.")
        {
            host, port, seeds, roles, journal, assemblies, config, metricsPort, metricsHost,
        };
        // The live dashboard (--dashboard-port, --dashboard-host, --dashboard-token).
        var dashboard = new DashboardFlags(prefix: "dashboard-", portRequired: false);
        dashboard.AddTo(command);
        command.SetAction((parse, _) => RunAsync(new NodeSettings
        {
            Host = parse.GetValue(host),
            Port = (int?)parse.GetValue(port),
            Seeds = parse.GetValue(seeds) is { Length: > 0 } s ? s : null,
            Roles = parse.GetValue(roles) is { } r ? r.Split(',', StringSplitOptions.TrimEntries) : null,
            Journal = parse.GetValue(journal),
        }, parse.GetValue(assemblies) ?? [], parse.GetValue(config), console,
            parse.GetValue(metricsPort) is { } p ? (parse.GetValue(metricsHost)!, (int)p) : null, dashboard.Read(parse)));
        return command;
    }

    private static async Task<int> RunAsync(NodeSettings flags, string[] assemblies, string? configFile, CliConsole console, (string Host, int Port)? metrics, DashboardOptions? dashboard)
    {
        using var stop = new StopSignal(console.Error);
        MetricsEndpoint? endpoint = null;
        ClusterNode node;
        TaskRegistry tasks;
        try
        {
            // Precedence: defaults < --config < ACTORPROC__ environment < flags (NodeSettings sit over Config).
            var file = configFile is null ? Config.Empty : ConfigFile.Load(configFile);
            var environment = EnvironmentOverrides.Read();
            var config = environment.IsEmpty ? file : file.IsEmpty ? environment : environment.WithFallback(file);
            tasks = ClusterTasks.Create(assemblies.Select(PluginLoadContext.Load));
            if (metrics is { } m) endpoint = MetricsEndpoint.Start(m.Host, m.Port); // before the node joins: a busy port fails fast
            dashboard?.Validate(); // a bad dashboard host or a missing token stops the node before it joins
            node = await ClusterNode.StartAsync(flags with { Config = config }, tasks, stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is UsageException or ArgumentException or JournalUnavailableException or ConfigurationException)
        {
            endpoint?.Dispose();
            console.Error.WriteLine($"actorproc: {e.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException) when (stop.Token.IsCancellationRequested)
        {
            endpoint?.Dispose();
            return ExitCodes.Success; // stopped while the journal was being opened: nothing joined yet
        }

        console.Error.WriteLine($"actorproc: node {node.Address} started with tasks: {string.Join(", ", tasks.Tasks.Select(t => t.Name))}");
        using var served = endpoint;
        if (endpoint is not null) console.Error.WriteLine($"actorproc: metrics at {endpoint.Url}");
        // The dashboard sees the cluster through the node's own client; a port in use stops the node (exit 2).
        await using var dashboardServer = dashboard is null ? null : await DashboardStarter.TryStartAsync(node.Jobs, dashboard, console, CancellationToken.None).ConfigureAwait(false);
        if (dashboard is not null && dashboardServer is null)
        {
            await node.StopAsync().ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
        var stopped = await Task.WhenAny(node.WhenTerminated, Task.Delay(Timeout.Infinite, stop.Token)).ConfigureAwait(false);
        if (stopped == node.WhenTerminated)
        {
            // Akka's own CLR hook may run the graceful leave on SIGTERM before the token is seen; only a
            // node downed by the split-brain resolver ends badly (a supervisor should start it again).
            if (CoordinatedShutdown.Get(node.System).ShutdownReason is CoordinatedShutdown.ClusterDowningReason)
            {
                console.Error.WriteLine($"actorproc: node {node.Address} was downed by the cluster; exiting");
                return ExitCodes.TasksFailed;
            }
            console.Error.WriteLine($"actorproc: node {node.Address} left the cluster and stopped");
            return ExitCodes.Success;
        }
        console.Error.WriteLine($"actorproc: node {node.Address} leaving the cluster (shards hand off)");
        await node.StopAsync().ConfigureAwait(false);
        console.Error.WriteLine($"actorproc: node {node.Address} stopped");
        return ExitCodes.Success;
    }

    /// <summary>
    /// SIGTERM and SIGINT (Ctrl+C): the first cancels <see cref="Token"/> (the node leaves gracefully);
    /// a second exits at once with 130. Concurrency contract: handlers run on the runtime's signal
    /// thread; <see cref="_signals"/> changes only through <see cref="Interlocked"/>, and the token is
    /// cancelled on the thread pool, since cancelling runs its registrations synchronously.
    /// </summary>
    private sealed class StopSignal : IDisposable
    {
        private readonly CancellationTokenSource _source = new();
        private readonly TextWriter _error;
        private readonly PosixSignalRegistration[] _registrations;
        private int _signals;

        public StopSignal(TextWriter error)
        {
            _error = error;
            _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal)];
        }

        public CancellationToken Token => _source.Token;

        public void Dispose()
        {
            foreach (var registration in _registrations) registration.Dispose();
        }

        private void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true; // the process stays up until the node has left
            if (Interlocked.Increment(ref _signals) == 1)
            {
                ThreadPool.UnsafeQueueUserWorkItem(static s => ((CancellationTokenSource)s!).Cancel(), _source);
                return;
            }
            _error.WriteLine("actorproc: exiting at once");
            _error.Flush();
            Environment.Exit(ExitCodes.Cancelled);
        }
    }
}
