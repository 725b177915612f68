using ActorProc.Cli.Commands;

namespace ActorProc.Cli.Hosting;

/// <summary>
/// The actor system and worker pool one command runs on. Configuration precedence, lowest first:
/// Akka's defaults &lt; ActorProc's <c>actorproc.conf</c> (and the CLI's logging: stderr, WARNING) &lt;
/// the <c>--config</c> file &lt; <c>ACTORPROC__</c> environment variables &lt; command-line flags. The pool's
/// settings are read from the merged <c>actorproc.pool</c> block; a flag overrides only the setting
/// it names, so the file can set workers, router, dispatcher, retries, timeouts, chunking and the window.
/// <para>
/// The runtime is not stopped in an orderly way: a command runs one job, and once its results are
/// printed and its report written and flushed, the process exits (Akka's threads are background
/// threads). An orderly stop (pool drain, then <c>Terminate</c>) cost ~70 ms of every run and protected
/// nothing, since no state outlives the process; tasks still running past a deadline or a timeout are
/// cancelled before the results are printed, and one that ignores cancellation (a read blocked on a
/// FIFO) cannot hold the exit.
/// </para>
/// </summary>
internal sealed class CliRuntime
{
    /// <summary>The pool's name: also the key of its overrides, <c>actorproc.pools.actorproc-pool</c>.</summary>
    public const string PoolName = "actorproc-pool";

    /// <summary>
    /// The CLI's own defaults, under the file. Akka's shutdown hook would otherwise make the exiting
    /// process wait for coordinated shutdown, whose last phase waits (10 s) for dispatcher threads a
    /// hung task still holds; the CLI's process simply ends once its results are out.
    /// </summary>
    private const string CliDefaults = "akka.coordinated-shutdown.run-by-clr-shutdown-hook = off";

    private CliRuntime(ActorSystem system, WorkerPool pool)
    {
        System = system;
        Pool = pool;
    }

    /// <summary>The command's actor system.</summary>
    public ActorSystem System { get; }

    /// <summary>The worker pool jobs run on.</summary>
    public WorkerPool Pool { get; }

    /// <summary>The CLI's defaults, the file, the environment and <c>--verbose</c>/<c>--quiet</c>, merged (ActorProc's defaults are added when the system starts).</summary>
    /// <exception cref="UsageException">The file is missing, unreadable or malformed.</exception>
    public static Config LoadConfig(RunSettings settings)
    {
        var config = ConfigurationFactory.ParseString(CliDefaults);
        if (settings.ConfigFile is { } file) config = Over(ConfigFile.Load(file), config);
        config = Over(EnvironmentOverrides.Read(), config);
        if (settings.IsolateProcesses is not null) config = Over(config, ConfigurationFactory.ParseString(ActorProc.Isolation.WorkerIsolation.LoopbackRemoteConfig));
        // --quiet promises nothing on stderr but errors that change the exit code; Akka's warnings
        // (a replaced worker, a slow stop) do not.
        if (settings.Verbose) config = Over(ConfigurationFactory.ParseString("akka.loglevel = INFO"), config);
        else if (settings.Quiet) config = Over(ConfigurationFactory.ParseString("akka { loglevel = OFF, stdout-loglevel = OFF }"), config);
        return config;
    }

    /// <summary><paramref name="top"/> over <paramref name="bottom"/>; Akka refuses a config as its own fallback, which two empty ones are.</summary>
    private static Config Over(Config top, Config bottom) =>
        bottom.IsEmpty ? top : top.IsEmpty ? bottom : top.WithFallback(bottom);

    /// <summary>
    /// The pool's options: <c>actorproc.pool</c> of <paramref name="config"/> with the flags over it.
    /// Known before the actor system exists, so a task can plan (size its ranges by the worker count)
    /// while the system starts.
    /// </summary>
    /// <exception cref="UsageException">A pool value in the configuration is invalid.</exception>
    public static WorkerPoolOptions PoolOptions(RunSettings settings, Config config)
    {
        try
        {
            return WithFlags(WorkerPoolOptions.FromConfig(config, PoolName), settings);
        }
        catch (ConfigurationException e)
        {
            throw new UsageException(Where(settings) + OneLine(e.Message));
        }
    }

    /// <summary>
    /// Creates the actor system and the pool on a thread of their own and returns at once. Akka's
    /// start-up (~0.2 s, mostly compiling its code and reading its configuration) runs on one thread,
    /// so on a second core the caller validates and plans its inputs meanwhile.
    /// </summary>
    /// <returns>The runtime; faults with <see cref="UsageException"/> when the configuration is invalid (an unknown dispatcher, a malformed value).</returns>
    public static Task<CliRuntime> StartInBackground(RunSettings settings, Config config, WorkerPoolOptions options) =>
        Task.Factory.StartNew(() => Start(settings, config, options), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static CliRuntime Start(RunSettings settings, Config config, WorkerPoolOptions options)
    {
        ActorSystem system;
        try
        {
            system = ActorProcConfig.CreateSystem("actorproc", config);
        }
        catch (Exception e) when (e is ConfigurationException or FormatException)
        {
            throw new UsageException(Where(settings) + OneLine(e.Message));
        }
        try
        {
            return new CliRuntime(system, new WorkerPool(system, options));
        }
        catch (ConfigurationException e)
        {
            _ = system.Terminate();
            throw new UsageException(Where(settings) + OneLine(e.Message));
        }
    }

    /// <summary>The flags the user gave, over the configured options.</summary>
    private static WorkerPoolOptions WithFlags(WorkerPoolOptions options, RunSettings settings) => options with
    {
        Name = PoolName,
        Workers = settings.Workers ?? options.Workers,
        Dispatcher = settings.Dispatcher ?? options.Dispatcher,
        Router = settings.Router ?? options.Router,
        MaxRetries = settings.Retries ?? options.MaxRetries,
        TaskTimeout = settings.TaskTimeout ?? options.TaskTimeout,
        JobDeadline = settings.Deadline ?? options.JobDeadline,
    };

    private static string Where(RunSettings settings) => settings.ConfigFile is { } file ? $"--config {file}: " : "";

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
