using ActorProc.Cli.Commands;
using ActorProc.Core.Configuration;

namespace ActorProc.Cli.Hosting;

/// <summary>
/// The actor system and worker pool one command runs on. Configuration precedence: reference.conf &lt;
/// the CLI's own defaults (log level WARNING, so nothing but results reaches stdout) &lt; the
/// <c>--config</c> file &lt; <c>ACTORPROC__</c> environment overrides &lt; command-line flags
/// (<c>--verbose</c> sets INFO; pool options come from the flags).
/// </summary>
internal sealed class CliRuntime : IAsyncDisposable
{
    private const string CliDefaults = "actorproc.loglevel = WARNING";

    private CliRuntime(ActorSystem system, WorkerPool pool)
    {
        System = system;
        Pool = pool;
    }

    /// <summary>The command's actor system.</summary>
    public ActorSystem System { get; }

    /// <summary>The worker pool jobs run on.</summary>
    public WorkerPool Pool { get; }

    /// <summary>Reads <c>--config</c>; a malformed file is a usage error whose message starts with file:line:col.</summary>
    /// <exception cref="UsageException">The file is missing, unreadable or malformed.</exception>
    public static Config LoadConfig(RunSettings settings)
    {
        var config = Config.Parse(CliDefaults, "actorproc-cli");
        if (settings.ConfigFile is { } file)
        {
            if (!File.Exists(file)) throw new UsageException($"--config {file}: no such file.");
            try
            {
                config = Config.ParseFile(file).WithFallback(config);
            }
            catch (ConfigurationException e)
            {
                throw new UsageException(OneLine(e.Message));
            }
        }
        if (settings.Verbose) config = Config.Parse("actorproc.loglevel = INFO", "--verbose").WithFallback(config);
        return config;
    }

    /// <summary>Creates the actor system and the pool.</summary>
    /// <exception cref="UsageException">The configuration is invalid (e.g. a bad dispatcher setting).</exception>
    public static CliRuntime Start(RunSettings settings, Config config)
    {
        ActorSystem system;
        try
        {
            system = ActorSystem.Create("actorproc", config);
        }
        catch (ConfigurationException e)
        {
            throw new UsageException(OneLine(e.Message));
        }
        var options = new WorkerPoolOptions
        {
            Name = "actorproc-pool",
            Workers = settings.Workers ?? Environment.ProcessorCount,
            Dispatcher = settings.Dispatcher,
            Router = settings.Router,
            MaxRetries = settings.Retries,
            TaskTimeout = settings.TaskTimeout,
            JobDeadline = settings.Deadline,
            // The results are printed by the time the pool stops; a task that ignores cancellation
            // must not hold the exit for long (its thread is a background thread and ends with the process).
            ShutdownTimeout = TimeSpan.FromSeconds(1),
        };
        return new CliRuntime(system, new WorkerPool(system, options));
    }

    public async ValueTask DisposeAsync()
    {
        await Pool.StopAsync(force: true).ConfigureAwait(false);
        await System.Terminate().ConfigureAwait(false);
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
