using ActorProc.Isolation;
using Akka.Configuration;

namespace ActorProc.Pools;

public sealed partial class WorkerPool
{
    /// <summary>Set when the pool runs named tasks in worker processes (<see cref="WorkerPoolOptions.Isolation"/>).</summary>
    internal IsolatedTaskRunner? IsolatedRunner { get; private set; }

    /// <summary>
    /// The async work that runs the named task <paramref name="taskName"/> in one of the pool's worker
    /// processes: give it to any job method, e.g. <c>pool.RunAsync(inputs, pool.Isolated&lt;long, long&gt;("square"))</c>.
    /// Inputs cross as text (strings as they are, numbers and other parsable values in the invariant
    /// culture, everything else as JSON, as the worker's <see cref="RegisteredTask.ParseInput"/> reads them),
    /// outputs as JSON. A task's exception arrives as a <see cref="WorkerTaskException"/>; a worker process
    /// that dies fails the task it was running with a <see cref="WorkerProcessExitedException"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="taskName"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The pool has no <see cref="WorkerPoolOptions.Isolation"/>.</exception>
    public Func<TIn, CancellationToken, Task<TOut>> Isolated<TIn, TOut>(string taskName) => Isolated<TIn, TOut>(taskName, IsolatedText.Format);

    /// <summary>As <see cref="Isolated{TIn,TOut}(string)"/>, with the text each input is sent as made by <paramref name="formatInput"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="taskName"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="formatInput"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The pool has no <see cref="WorkerPoolOptions.Isolation"/>.</exception>
    public Func<TIn, CancellationToken, Task<TOut>> Isolated<TIn, TOut>(string taskName, Func<TIn, string> formatInput)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskName);
        ArgumentNullException.ThrowIfNull(formatInput);
        var runner = IsolatedRunner ?? throw new InvalidOperationException($"Worker pool {_supervisor.Path.Name} runs tasks in its own process: set WorkerPoolOptions.Isolation to run them in worker processes.");
        return async (input, ct) => IsolatedText.Parse<TOut>(await runner.RunAsync(taskName, formatInput(input), ct).ConfigureAwait(false));
    }

    /// <summary>The configuration a standalone pool's own system needs: Akka.Remote on loopback when isolated.</summary>
    private static Config? OwnedSystemConfig(WorkerPoolOptions options) =>
        options.Isolation is null ? null : ConfigurationFactory.ParseString(IsolationHocon.Remote);

    /// <summary>
    /// Async tasks at once. With isolation and a task timeout, only as many as the processes take, so a
    /// task's clock starts close to when it runs. Without one, enough that the process set holds the next
    /// batch for each process while its two batches run: with only as many as the processes held, every
    /// answer had to travel through the job (completion, permit, dispatch) before the child got more work,
    /// and children waited on the parent (short tasks ran at half the in-process pool's speed).
    /// </summary>
    private static int AsyncConcurrency(WorkerPoolOptions options) => options.Isolation is { } isolation
        ? Math.Min(options.MaxConcurrency, options.TaskTimeout is null
            ? isolation.Processes * 3 * WorkerProcessSet.Capacity(WorkerProcessSet.MaxBatch, isolation.TasksInFlightPerProcess, oneAtATime: false) / 2
            : isolation.Processes)
        : options.MaxConcurrency;

    /// <summary>Starts the worker processes of an isolated pool; checks first that the system can reach them.</summary>
    /// <exception cref="ConfigurationException">The system is not remote-enabled or lacks the isolation serializer.</exception>
    private void StartIsolation(string name)
    {
        if (Options.Isolation is not { } isolation) return;
        if (((ExtendedActorSystem)System).Provider is not Akka.Remote.IRemoteActorRefProvider)
            throw new ConfigurationException($"Worker pool {name}: process isolation needs a remote-enabled actor system (akka.actor.provider = remote or cluster) bound to 127.0.0.1; add WorkerIsolation.LoopbackRemoteConfig to its configuration.");
        if (System.Serialization.FindSerializerForType(typeof(RunTasks)) is not IsolationSerializer)
            throw new ConfigurationException($"Worker pool {name}: the actor system does not bind ActorProc's isolation serializer; add WorkerIsolation.LoopbackRemoteConfig to its configuration.");
        var oneAtATime = Options.TaskTimeout is not null;
        IsolatedRunner = new IsolatedTaskRunner(System.ActorOf(Props.Create(() => new WorkerProcessSet(isolation, oneAtATime)), name + "-processes"));
    }

    /// <summary>Stops the worker processes (the set kills them and fails any task still open).</summary>
    private async Task StopIsolationAsync()
    {
        if (IsolatedRunner is not { } runner) return;
        try
        {
            await runner.ProcessSet.GracefulStop(Options.ShutdownTimeout).ConfigureAwait(false);
        }
        catch (TaskCanceledException)
        {
            // the set did not confirm in time; its processes are killed when it stops, or when this process exits
        }
    }
}
