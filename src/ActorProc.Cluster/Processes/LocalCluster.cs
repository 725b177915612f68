using System.Globalization;

namespace ActorProc.Cluster.Processes;

/// <summary>
/// Real <c>actorproc node</c> processes on free loopback ports sharing one journal, for tests and chaos
/// runs: start them and wait until each is an up member, then kill (SIGKILL), pause (SIGSTOP), resume
/// (SIGCONT), isolate (frozen until the others' split-brain resolver removes it) and restart any of them.
/// <para>
/// Node 0 forms the cluster at <see cref="StartAsync"/> and the others join it; a node started again by
/// <see cref="RestartAsync"/> joins through the other nodes (never through itself, which would form a
/// second cluster). Each node runs in <see cref="Directory"/>; every process started (earlier incarnations
/// too) stays in <see cref="Processes"/> with its log until dispose, which kills them all.
/// </para>
/// <para>
/// Concurrency contract: one caller drives the cluster (start, faults, restarts); the read members
/// (<see cref="Node"/>, <see cref="Processes"/>) may be called from other threads and see a consistent list.
/// </para>
/// </summary>
public sealed class LocalCluster : IDisposable
{
    /// <summary>The text a node logs on stderr once it is an up member.</summary>
    public const string UpLine = "actorproc cluster: this node is up";

    private readonly object _gate = new();
    private readonly List<CliProcess> _processes = [];
    private readonly CliProcess?[] _nodes;
    private readonly bool _ownsDirectory;
    private readonly string? _configFile;
    private readonly IReadOnlyDictionary<string, string?> _environment;

    /// <summary>Chooses ports and prepares the directory; starts nothing yet.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="FileNotFoundException">No CLI was given and none was found (see <see cref="ActorProcCli.Locate"/>).</exception>
    public LocalCluster(LocalClusterOptions? options = null)
    {
        Options = options ?? new LocalClusterOptions();
        Options.Validate();
        Cli = Options.Cli ?? ActorProcCli.Locate();
        _ownsDirectory = Options.Directory is null;
        Directory = Options.Directory ?? System.IO.Directory.CreateTempSubdirectory("actorproc-cluster-").FullName;
        System.IO.Directory.CreateDirectory(Directory);
        Ports = [.. Enumerable.Range(0, Options.Nodes).Select(_ => FreePorts.Next())];
        Journal = Options.Journal ?? "sqlite:" + Path.Combine(Directory, "journal.db");
        if (Options.NodeConfig is { } config)
        {
            _configFile = Path.Combine(Directory, "node.conf");
            File.WriteAllText(_configFile, config);
        }
        _environment = Options.Environment ?? System.Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("ACTORPROC__", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(k => k, _ => (string?)null);
        _nodes = new CliProcess?[Options.Nodes];
    }

    /// <summary>The options it was made with.</summary>
    public LocalClusterOptions Options { get; }

    /// <summary>The CLI the nodes run.</summary>
    public ActorProcCli Cli { get; }

    /// <summary>The nodes' directory: working directory, journal (by default), config file.</summary>
    public string Directory { get; }

    /// <summary>The nodes' ports, node 0 first.</summary>
    public IReadOnlyList<int> Ports { get; }

    /// <summary>The nodes' <c>--journal</c>.</summary>
    public string Journal { get; }

    /// <summary>Every node as <c>127.0.0.1:PORT</c>.</summary>
    public IReadOnlyList<string> ContactPoints => [.. Ports.Select(p => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{p}"))];

    /// <summary>The <c>--cluster</c> value of the client commands: every node, comma-separated.</summary>
    public string Contact => string.Join(",", ContactPoints);

    /// <summary>How many nodes.</summary>
    public int Count => Ports.Count;

    /// <summary>Every process started so far (nodes, earlier incarnations and commands), in start order.</summary>
    public IReadOnlyList<CliProcess> Processes
    {
        get
        {
            lock (_gate) return [.. _processes];
        }
    }

    /// <summary>Node <paramref name="index"/>'s Akka address (<c>akka.tcp://actorproc@127.0.0.1:PORT</c>).</summary>
    public string Address(int index) => string.Create(CultureInfo.InvariantCulture, $"akka.tcp://actorproc@127.0.0.1:{Ports[index]}");

    /// <summary>Node <paramref name="index"/>'s latest process, or null when it was never started.</summary>
    public CliProcess? Node(int index)
    {
        lock (_gate) return _nodes[index];
    }

    /// <summary>
    /// Starts every node that is not running (node 0 forms the cluster, the others join it) and waits
    /// until each logs that it is up. Also after every node was killed: the cluster forms again over
    /// the same journal.
    /// </summary>
    /// <exception cref="TimeoutException">A node was not up within the start timeout (the message has its log).</exception>
    public async Task StartAsync()
    {
        // Nodes still running are the seeds of the others; with none, node 0 forms the cluster (its own first seed).
        var running = Enumerable.Range(0, Count).Where(i => Node(i) is { IsRunning: true }).Select(i => ContactPoints[i]).ToArray();
        var started = new List<CliProcess>();
        for (var i = 0; i < Count; i++)
        {
            if (Node(i) is { IsRunning: true }) continue;
            await ReapAsync(i).ConfigureAwait(false);
            started.Add(Launch(i, running.Length > 0 ? running : [ContactPoints[0]]));
        }
        await Task.WhenAll(started.Select(WaitUpAsync)).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts node <paramref name="index"/> again (killing its process first if it still runs) and waits
    /// until it is up. It joins through the other running nodes; when none runs, it forms the cluster
    /// anew (its own first seed), and the others join it when they start.
    /// </summary>
    /// <exception cref="TimeoutException">It was not up within the start timeout; its process is killed, so that a later restart starts afresh.</exception>
    public async Task<CliProcess> RestartAsync(int index)
    {
        await ReapAsync(index).ConfigureAwait(false);
        var seeds = Enumerable.Range(0, Count).Where(i => i != index && Node(i) is { IsRunning: true }).Select(i => ContactPoints[i]).ToArray();
        var node = Launch(index, seeds.Length == 0 ? [ContactPoints[index]] : seeds);
        try
        {
            await WaitUpAsync(node).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            node.Kill();
            throw;
        }
        return node;
    }

    /// <summary>SIGKILL to node <paramref name="index"/>: it dies at once, without leaving (nothing when it is not running).</summary>
    public void Kill(int index) => Node(index)?.Kill();

    /// <summary>SIGSTOP to node <paramref name="index"/>: frozen (no heartbeats), but alive.</summary>
    /// <exception cref="InvalidOperationException">The node is not running.</exception>
    public void Pause(int index) => Running(index).Pause();

    /// <summary>SIGCONT to node <paramref name="index"/>: a paused node runs on.</summary>
    /// <exception cref="InvalidOperationException">The node is not running.</exception>
    public void Resume(int index) => Running(index).Resume();

    /// <summary>SIGTERM to node <paramref name="index"/>: it leaves gracefully (its shards hand off) and exits 0.</summary>
    /// <exception cref="InvalidOperationException">The node is not running.</exception>
    public void Terminate(int index) => Running(index).Terminate();

    /// <summary>
    /// Isolates node <paramref name="index"/>: freezes it (SIGSTOP) and waits until every other running
    /// node logs that it removed it (their split-brain resolver downed it). The node stays frozen; resumed
    /// (<see cref="Resume"/>), it finds itself downed and exits 1, after which <see cref="RestartAsync"/>
    /// brings it back. Returns how long the removal took.
    /// </summary>
    /// <exception cref="TimeoutException">Not removed by every other node within <paramref name="timeout"/>.</exception>
    public async Task<TimeSpan> IsolateAsync(int index, TimeSpan timeout)
    {
        var node = Running(index);
        var others = Enumerable.Range(0, Count).Where(i => i != index).Select(Node).OfType<CliProcess>().Where(p => p.IsRunning)
            .Select(p => (Process: p, From: p.LineCount)).ToList();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        node.Pause();
        await WaitRemovedAsync(index, others, timeout).ConfigureAwait(false);
        return System.Diagnostics.Stopwatch.GetElapsedTime(started);
    }

    /// <summary>
    /// Waits until every other running node logs that it removed node <paramref name="index"/>, counting
    /// only lines logged from now on.
    /// </summary>
    /// <exception cref="TimeoutException">Not removed by every other node within <paramref name="timeout"/>.</exception>
    public Task WaitForRemovalAsync(int index, TimeSpan timeout) => WaitRemovedAsync(index,
        Enumerable.Range(0, Count).Where(i => i != index).Select(Node).OfType<CliProcess>().Where(p => p.IsRunning).Select(p => (p, p.LineCount)).ToList(),
        timeout);

    /// <summary>Starts an <c>actorproc</c> command (e.g. <c>submit ... --cluster <see cref="Contact"/></c>) in <see cref="Directory"/>; killed on dispose like the nodes.</summary>
    public CliProcess StartCommand(string name, params string[] arguments) => Track(new CliProcess(Cli, name, Directory, arguments, _environment, LogFileFor(name)));

    /// <summary>Kills every process started (a paused one too) and deletes the directory when it made it.</summary>
    public void Dispose()
    {
        foreach (var process in Processes) process.Dispose();
        if (!_ownsDirectory) return;
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a file still held by a dying process: the system cleans its temporary directory
        }
    }

    /// <summary>
    /// Kills node <paramref name="index"/>'s process if it runs and waits for its exit, so that its port is
    /// free again (a node refuses to start on a port another process still listens on).
    /// </summary>
    private async Task ReapAsync(int index)
    {
        if (Node(index) is not { } old) return;
        old.Kill();
        await old.WaitForExitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
    }

    private CliProcess Launch(int index, IReadOnlyList<string> seeds)
    {
        List<string> arguments = ["node", "--host", "127.0.0.1", "--port", Ports[index].ToString(CultureInfo.InvariantCulture), "--journal", Journal];
        foreach (var seed in seeds) arguments.AddRange(["--seed", seed]);
        if (_configFile is not null) arguments.AddRange(["--config", _configFile]);
        arguments.AddRange(Options.NodeArguments);
        var node = Track(new CliProcess(Cli, string.Create(CultureInfo.InvariantCulture, $"node{index} :{Ports[index]}"), Directory, arguments, _environment,
            LogFileFor(string.Create(CultureInfo.InvariantCulture, $"node{index}"))));
        lock (_gate) _nodes[index] = node;
        return node;
    }

    private string? LogFileFor(string name)
    {
        if (Options.LogDirectory is not { } directory) return null;
        System.IO.Directory.CreateDirectory(directory);
        var safe = string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        lock (_gate)
        {
            var count = _processes.Count(p => p.LogFile is { } f && Path.GetFileName(f).StartsWith(safe + ".", StringComparison.Ordinal)) + 1;
            return Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{safe}.{count}.log"));
        }
    }

    private Task<string> WaitUpAsync(CliProcess node) => node.WaitForLineAsync(UpLine, Options.StartTimeout);

    private async Task WaitRemovedAsync(int index, IReadOnlyList<(CliProcess Process, long From)> others, TimeSpan timeout)
    {
        // "member removed: ADDRESS [roles]": the space after the address keeps port 4053 from matching 40531.
        var removed = $"member removed: {Address(index)} ";
        await Task.WhenAll(others.Select(o => o.Process.WaitForLineAsync(removed, timeout, o.From))).ConfigureAwait(false);
    }

    private CliProcess Running(int index) =>
        Node(index) is { IsRunning: true } node ? node : throw new InvalidOperationException($"node {index} (:{Ports[index]}) is not running.");

    private CliProcess Track(CliProcess process)
    {
        lock (_gate) _processes.Add(process);
        return process;
    }
}
