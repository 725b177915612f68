using ActorProc.Cluster.Client;
using ActorProc.Cluster.Processes;
using Xunit.Abstractions;

namespace ActorProc.TestKit.Cluster;

/// <summary>
/// A multi-process cluster for an xunit test: N real <c>actorproc node</c> processes on free loopback
/// ports sharing one journal (a fresh SQLite file unless <see cref="LocalClusterOptions.Journal"/> says
/// otherwise), with the faults a test needs — kill (SIGKILL), pause and resume (SIGSTOP/SIGCONT),
/// isolate (frozen until the others' split-brain resolver removes it), restart — and a client to submit
/// jobs. On dispose every process is killed and each one's stderr (the tail) is written to the test's
/// <see cref="ITestOutputHelper"/>, which xunit shows when the test fails.
/// <para>
/// Create one per test (<c>await using var cluster = new ClusterFixture(output); await cluster.StartAsync();</c>).
/// The nodes run the <c>actorproc</c> CLI found by <see cref="ActorProcCli.Locate"/> (reference the
/// <c>ActorProc.Cli</c> project from the test project) or the one given in <see cref="LocalClusterOptions.Cli"/>;
/// your own tasks are loaded with <c>NodeArguments = ["--assembly", path]</c>. The default node
/// configuration is <see cref="LocalClusterOptions.TestTimings"/>.
/// </para>
/// <para>
/// Put cluster tests in one xunit collection with parallelization disabled: each loads every core with
/// node processes, and failure detectors must not see a starved peer as dead.
/// </para>
/// <para>Concurrency contract: one test drives it; the log collection at dispose runs once.</para>
/// </summary>
public sealed class ClusterFixture : IAsyncDisposable, IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly int _tailLines;
    private readonly List<ClusterJobClient> _clients = [];
    private int _disposed;

    /// <summary>Prepares the cluster (ports, directory, config file); <see cref="StartAsync"/> starts it.</summary>
    /// <param name="output">The test's output, which receives every process's log at dispose.</param>
    /// <param name="options">Nodes, CLI, journal, configuration; null = 3 nodes with <see cref="LocalClusterOptions.TestTimings"/>.</param>
    /// <param name="tailLines">How many of each process's last stderr lines go to <paramref name="output"/> (default 200).</param>
    /// <exception cref="FileNotFoundException">No CLI was given and none was found.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public ClusterFixture(ITestOutputHelper output, LocalClusterOptions? options = null, int tailLines = 200)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _tailLines = tailLines;
        Cluster = new LocalCluster(options ?? new LocalClusterOptions { NodeConfig = LocalClusterOptions.TestTimings });
    }

    /// <summary>The processes themselves, for what the shortcuts below do not cover.</summary>
    public LocalCluster Cluster { get; }

    /// <summary>The nodes' ports, node 0 first.</summary>
    public IReadOnlyList<int> Ports => Cluster.Ports;

    /// <summary>The <c>--cluster</c> value: every node.</summary>
    public string Contact => Cluster.Contact;

    /// <summary>The nodes' directory (working directory, default journal).</summary>
    public string Directory => Cluster.Directory;

    /// <summary>The nodes' <c>--journal</c>.</summary>
    public string Journal => Cluster.Journal;

    /// <summary>Node <paramref name="index"/>'s current process (its log, exit code, memory).</summary>
    /// <exception cref="InvalidOperationException">It was never started.</exception>
    public CliProcess this[int index] => Cluster.Node(index) ?? throw new InvalidOperationException($"node {index} was never started.");

    /// <summary>Starts every node that is not running and waits until each is an up member.</summary>
    /// <exception cref="TimeoutException">A node was not up in time (the message has its log).</exception>
    public Task StartAsync() => Cluster.StartAsync();

    /// <summary>SIGKILL to node <paramref name="index"/>.</summary>
    public void Kill(int index) => Cluster.Kill(index);

    /// <summary>SIGSTOP to node <paramref name="index"/> (a pause: a long GC, a stalled VM).</summary>
    /// <exception cref="InvalidOperationException">The node is not running.</exception>
    public void Pause(int index) => Cluster.Pause(index);

    /// <summary>SIGCONT to node <paramref name="index"/>.</summary>
    /// <exception cref="InvalidOperationException">The node is not running.</exception>
    public void Resume(int index) => Cluster.Resume(index);

    /// <summary>SIGTERM to node <paramref name="index"/>: a graceful leave.</summary>
    /// <exception cref="InvalidOperationException">The node is not running.</exception>
    public void Terminate(int index) => Cluster.Terminate(index);

    /// <summary>Freezes node <paramref name="index"/> until every other node has removed it (default wait 45 s); see <see cref="LocalCluster.IsolateAsync"/>.</summary>
    /// <exception cref="TimeoutException">It was not removed in time.</exception>
    public Task<TimeSpan> IsolateAsync(int index, TimeSpan? timeout = null) => Cluster.IsolateAsync(index, timeout ?? TimeSpan.FromSeconds(45));

    /// <summary>Starts node <paramref name="index"/> again (killed first if running) and waits until it is up.</summary>
    /// <exception cref="TimeoutException">It was not up in time.</exception>
    public Task<CliProcess> RestartAsync(int index) => Cluster.RestartAsync(index);

    /// <summary>Starts an <c>actorproc</c> command (e.g. <c>"submit", "sumsq", ..., "--cluster", Contact</c>), killed and logged at dispose like the nodes.</summary>
    public CliProcess StartCommand(string name, params string[] arguments) => Cluster.StartCommand(name, arguments);

    /// <summary>A client of the cluster (a member with the <c>client</c> role) to submit jobs and read them; it leaves at dispose.</summary>
    /// <exception cref="ClusterUnreachableException">No node answered within <paramref name="timeout"/> (default 30 s).</exception>
    public async Task<ClusterJobClient> ConnectClientAsync(TimeSpan? timeout = null)
    {
        var client = await ClusterJobClient.ConnectAsync(Cluster.ContactPoints, timeout ?? TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        _clients.Add(client);
        return client;
    }

    /// <summary>Leaves with the clients, kills every process and writes their logs to the test's output.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        foreach (var client in _clients)
        {
            // A client whose cluster is gone cannot leave gracefully; do not hold the test for it.
            await Task.WhenAny(client.DisposeAsync().AsTask(), Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
        }
        Finish();
    }

    /// <summary>Kills every process and writes their logs to the test's output (clients are left without waiting).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        foreach (var client in _clients) _ = client.System.Terminate();
        Finish();
    }

    private void Finish()
    {
        var processes = Cluster.Processes;
        Cluster.Dispose();
        foreach (var process in processes)
        {
            try
            {
                _output.WriteLine($"===== {process.Name} (pid {process.Id}): stderr, last {_tailLines} lines =====\n{process.Tail(_tailLines)}");
            }
            catch (InvalidOperationException)
            {
                // the test is over: xunit no longer takes output
            }
        }
    }
}
