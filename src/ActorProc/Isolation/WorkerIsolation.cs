using ActorProc.Internal;

namespace ActorProc.Isolation;

/// <summary>
/// Runs a pool's named tasks in child worker processes instead of its own threads
/// (<see cref="WorkerPoolOptions.Isolation"/>): a task that takes its whole process down
/// (<see cref="Environment.FailFast(string)"/>, a stack overflow, a native crash, running out of memory)
/// then costs one worker process, not the job. The children are remote nodes of the pool's actor system
/// on loopback (Akka.Remote on 127.0.0.1), started and supervised by the pool: a child that dies is
/// replaced after a back-off, the task it was running is retried within the pool's retry budget or
/// reported failed with a <see cref="WorkerProcessExitedException"/> naming the exit code or signal,
/// and the tasks queued behind it go to the other children without costing an attempt.
/// <para>
/// Only named tasks cross the process boundary (a delegate cannot): the child program registers them
/// in a <see cref="TaskRegistry"/> and calls <see cref="WorkerProcess.RunAsync"/>; the pool runs them with
/// <see cref="RegisteredTask.CreateJob"/> or <see cref="WorkerPool.Isolated{TIn,TOut}(string)"/>. Delegates
/// given to the pool directly still run in the parent process.
/// </para>
/// <para>
/// Trust: each pool makes a random 256-bit secret and hands it to its children in the environment
/// (<c>ACTORPROC_WORKER_SECRET</c>, readable only by the same user). A child registers with the
/// secret and its process id; the pool accepts only processes it started itself, and the child runs only
/// task batches carrying the secret. Both ends bind to 127.0.0.1 only.
/// </para>
/// </summary>
/// <remarks>
/// Batches: a process gets tasks in batches of about 10 ms of work by their last run times (one task
/// at a time for tasks that run longer), never more than a share of what waits (so the processes end a
/// job's last tasks together), up to two batches at once, and answers a batch in one message, so short
/// tasks cost a round trip per batch, not per task. When a process dies with one task
/// unanswered, that task is charged; with several, none is, and each runs alone in a process next.
/// <para>
/// Defaults: <see cref="Processes"/> = cores, at least 3 tasks in flight per process (one running, two
/// queued so the child never waits for the next), start timeout 30 s, restart back-off from 100 ms doubling to
/// 5 s, the current program re-launched as the worker (<see cref="WorkerProcessStart.CurrentProgram"/>).
/// </para>
/// </remarks>
public sealed record WorkerIsolation
{
    private readonly int _processes = Environment.ProcessorCount;
    private readonly int _tasksInFlightPerProcess = 3;
    private readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(30);
    private readonly TimeSpan _minRestartBackoff = TimeSpan.FromMilliseconds(100);
    private readonly TimeSpan _maxRestartBackoff = TimeSpan.FromSeconds(5);
    private readonly int _maxStartFailures = 3;

    /// <summary>
    /// The Akka.Remote settings a pool's actor system needs for isolation: the remote provider, bound to
    /// 127.0.0.1 on a free port, with ActorProc's isolation serializer. Standalone pools
    /// (<see cref="WorkerPool.Create(WorkerPoolOptions?)"/>) add it themselves; give it (as a fallback) to
    /// an actor system you create for an isolated pool.
    /// </summary>
    public static string LoopbackRemoteConfig => IsolationHocon.Remote;

    /// <summary>Worker processes, ≥ 1. Default: <see cref="Environment.ProcessorCount"/>.</summary>
    public int Processes { get => _processes; init => _processes = Check.AtLeast(value, 1, nameof(Processes)); }

    /// <summary>
    /// Fewest tasks a process may hold before it answers, ≥ 1 (one runs, the rest wait in the child, so
    /// it never waits for the pool). Default: 3. Short tasks go in batches sized by their run time, and a
    /// process then holds up to two batches (see <see cref="WorkerIsolation"/>). A pool with a
    /// <see cref="WorkerPoolOptions.TaskTimeout"/> sends one at a time, so that no task's clock runs while
    /// it waits behind another.
    /// </summary>
    public int TasksInFlightPerProcess { get => _tasksInFlightPerProcess; init => _tasksInFlightPerProcess = Check.AtLeast(value, 1, nameof(TasksInFlightPerProcess)); }

    /// <summary>How the worker program is started; null (the default) re-launches the current program (<see cref="WorkerProcessStart.CurrentProgram"/>). Called once per start, on the pool's actor thread.</summary>
    public Func<System.Diagnostics.ProcessStartInfo>? StartInfo { get; init; }

    /// <summary>Longest time from starting a worker process to its registration, &gt; 0; a process past it is killed and counts as a failed start. Default: 30 s.</summary>
    public TimeSpan StartTimeout { get => _startTimeout; init => _startTimeout = Check.Positive(value, nameof(StartTimeout)); }

    /// <summary>Wait before replacing a dead worker process the first time, &gt; 0; it doubles with each death in a row that completed no task, up to <see cref="MaxRestartBackoff"/>. Default: 100 ms.</summary>
    public TimeSpan MinRestartBackoff { get => _minRestartBackoff; init => _minRestartBackoff = Check.Positive(value, nameof(MinRestartBackoff)); }

    /// <summary>Longest wait before replacing a dead worker process, &gt; 0. Default: 5 s.</summary>
    public TimeSpan MaxRestartBackoff { get => _maxRestartBackoff; init => _maxRestartBackoff = Check.Positive(value, nameof(MaxRestartBackoff)); }

    /// <summary>
    /// Failed starts in a row (a process that exits or times out before registering) after which, while no
    /// worker process is running, waiting tasks are reported failed with a
    /// <see cref="WorkerProcessStartException"/> instead of waiting on; ≥ 1. Default: 3.
    /// </summary>
    public int MaxStartFailures { get => _maxStartFailures; init => _maxStartFailures = Check.AtLeast(value, 1, nameof(MaxStartFailures)); }
}
