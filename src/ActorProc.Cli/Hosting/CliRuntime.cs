using ActorProc.Cli.Commands;

namespace ActorProc.Cli.Hosting;

/// <summary>
/// The actor system and worker pool one command runs on. Configuration precedence, lowest first:
/// Akka's defaults &lt; ActorProc's <c>actorproc.conf</c> (and the CLI's logging: stderr, WARNING) &lt;
/// the <c>--config</c> file &lt; <c>ACTORPROC__</c> environment variables &lt; command-line flags. The pool's
/// settings are read from the merged <c>actorproc.pool</c> block; a flag overrides only the setting
/// it names, so the file can set workers, router, dispatcher, retries, timeouts, chunking and the window.
/// </summary>
internal sealed class CliRuntime : IAsyncDisposable
{
    /// <summary>The pool's name: also the key of its overrides, <c>actorproc.pools.actorproc-pool</c>.</summary>
    public const string PoolName = "actorproc-pool";

    /// <summary>
    /// How long stopping waits for workers. The results are printed by then; a task that ignores
    /// cancellation (a read blocked on a FIFO) keeps its thread, a background thread that ends with
    /// the process, so the exit must not wait for it.
    /// </summary>
    private static readonly TimeSpan StopBound = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The CLI's own defaults, under the file. Akka's shutdown hook would otherwise make the exiting
    /// process wait for coordinated shutdown, whose last phase waits (10 s) for dispatcher threads a
    /// hung task still holds; the CLI stops its system itself, with a bound, before it exits.
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

    /// <summary>The CLI's defaults, the file, the environment and <c>--verbose</c>/<c>--quiet</c>, merged (ActorProc's defaults are added by <see cref="Start"/>).</summary>
    /// <exception cref="UsageException">The file is missing, unreadable or malformed.</exception>
    public static Config LoadConfig(RunSettings settings)
    {
        var config = ConfigurationFactory.ParseString(CliDefaults);
        if (settings.ConfigFile is { } file) config = Over(ConfigFile.Load(file), config);
        config = Over(EnvironmentOverrides.Read(), config);
        // --quiet promises nothing on stderr but errors that change the exit code; Akka's warnings
        // (a replaced worker, a slow stop) do not.
        if (settings.Verbose) config = Over(ConfigurationFactory.ParseString("akka.loglevel = INFO"), config);
        else if (settings.Quiet) config = Over(ConfigurationFactory.ParseString("akka { loglevel = OFF, stdout-loglevel = OFF }"), config);
        return config;
    }

    /// <summary><paramref name="top"/> over <paramref name="bottom"/>; Akka refuses a config as its own fallback, which two empty ones are.</summary>
    private static Config Over(Config top, Config bottom) =>
        bottom.IsEmpty ? top : top.IsEmpty ? bottom : top.WithFallback(bottom);

    /// <summary>Creates the actor system and the pool.</summary>
    /// <exception cref="UsageException">The configuration is invalid (a bad pool value, an unknown dispatcher).</exception>
    public static CliRuntime Start(RunSettings settings, Config config)
    {
        WorkerPoolOptions options;
        try
        {
            options = WithFlags(WorkerPoolOptions.FromConfig(config, PoolName), settings);
        }
        catch (ConfigurationException e)
        {
            throw new UsageException(Where(settings) + OneLine(e.Message));
        }
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

    /// <summary>
    /// Stops the pool (cancelling what still runs) and then the system, waiting at most
    /// <see cref="StopBound"/> for both together: a worker stuck in a read that never returns holds
    /// its thread and would hold the stop for as long.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        var bound = Task.Delay(StopBound);
        var stopped = StopAsync();
        await Task.WhenAny(stopped, bound).ConfigureAwait(false);
    }

    private async Task StopAsync()
    {
        await Pool.StopAsync(force: true).ConfigureAwait(false);
        await System.Terminate().ConfigureAwait(false);
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
        ShutdownTimeout = StopBound < options.ShutdownTimeout ? StopBound : options.ShutdownTimeout,
    };

    private static string Where(RunSettings settings) => settings.ConfigFile is { } file ? $"--config {file}: " : "";

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
