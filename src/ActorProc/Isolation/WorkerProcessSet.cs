using System.Security.Cryptography;
using System.Text;
using ActorProc.Internal;

namespace ActorProc.Isolation;

/// <summary>
/// The parent side of process isolation: one actor per isolated pool that starts the pool's N worker
/// processes, accepts their registration (secret and a process id it started), hands them named tasks
/// in batches, completes each caller's task with the reply, and replaces dead processes with back-off.
/// <para>
/// Batches: each process holds up to two batches, and gets the next when one is answered. A batch
/// holds as many tasks as run in about <see cref="BatchTime"/> by the last answered batch's run times
/// (<see cref="BatchSizer"/>; one task while nothing is known), and at most the waiting tasks divided
/// by twice the processes (guided scheduling: batches shrink as a job's queue drains, so the processes
/// end its last tasks together). A process may hold more when
/// <see cref="WorkerIsolation.TasksInFlightPerProcess"/> is larger. Short tasks thus cost one round
/// trip per batch rather than per task, and slow ones go one by one. A pool with a task
/// timeout sends one task at a time, so no task's clock runs while it waits behind another.
/// </para>
/// <para>
/// Accounting, the invariant every path keeps: each <see cref="RunIsolated"/> is either waiting in
/// <see cref="_waiting"/>, in flight on exactly one slot, or completed (its completion source set, then
/// forgotten). When a process exits with exactly one task unanswered, that task was running: it fails
/// with a <see cref="WorkerProcessExitedException"/> (the pool's job then retries it or reports it).
/// With several unanswered, the one that was running is unknown (its predecessors' replies may have
/// been waiting for the rest of their batch, or lost in the dying process's send buffer): none is
/// charged, and each goes back to the front of the queue as a suspect that runs alone in a process, so
/// a task that kills its process is caught by itself on its next run. A caller's cancellation (the
/// pool's task timeout, or the job's cancellation) drops a waiting task, and kills the process running
/// it: a task that does not stop is ended with its process, and its thread with it. When the set stops
/// (with the pool), every open task fails and every process ends: by itself, as it watches the set, or
/// killed after a grace period.
/// </para>
/// </summary>
internal sealed partial class WorkerProcessSet : UntypedActor, IWithTimers
{
    private readonly WorkerIsolation _options;
    private readonly string _secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
    private readonly WorkerSlot[] _slots;
    private readonly LinkedList<RunIsolated> _waiting = new();
    private readonly Dictionary<long, RunIsolated> _open = new();
    /// <summary>Ids of tasks that were unanswered in a process that died with others unanswered: each runs alone next time.</summary>
    private readonly HashSet<long> _suspects = [];
    private readonly BatchSizer _batches;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>How long stopped children get to exit by themselves before they are killed.</summary>
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(2);

    /// <summary>The run time a batch of short tasks aims at: long enough that a round trip per batch costs little, short enough that a process that dies hands back little work (the end of a job is balanced by the guided sizing in <see cref="Dispatch"/>).</summary>
    internal static readonly TimeSpan BatchTime = TimeSpan.FromMilliseconds(10);

    /// <summary>Largest batch: bounds the work a dead process hands back at once.</summary>
    internal const int MaxBatch = 64;

    private readonly bool _oneAtATime;

    /// <param name="options">The pool's isolation settings.</param>
    /// <param name="oneAtATime">True when the pool has a task timeout: each process then holds one task.</param>
    public WorkerProcessSet(WorkerIsolation options, bool oneAtATime)
    {
        _options = options;
        _oneAtATime = oneAtATime;
        _batches = new BatchSizer(1, oneAtATime ? 1 : MaxBatch, BatchTime);
        _slots = Enumerable.Range(0, options.Processes).Select(i => new WorkerSlot(i)).ToArray();
    }

    protected override void PreStart()
    {
        foreach (var slot in _slots) Start(slot);
    }

    protected override void PostStop()
    {
        // Registered children watch this actor and end their own actor system when it stops, which closes
        // their connections cleanly (a killed one makes remoting log an error); whatever still runs after
        // the grace period is killed (and at the latest when this process exits).
        var processes = _slots.Select(s => s.Process).OfType<Process>().ToArray();
        if (processes.Length > 0)
        {
            _ = Task.Delay(ShutdownGrace).ContinueWith(_ =>
            {
                foreach (var process in processes)
                {
                    LiveWorkerProcesses.Kill(process);
                    LiveWorkerProcesses.Remove(process);
                }
            }, TaskScheduler.Default);
        }
        foreach (var request in _open.Values) request.Completion.TrySetException(new ObjectDisposedException("worker pool", "The worker pool stopped before the task finished."));
        _open.Clear();
        _waiting.Clear();
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case RunIsolated run:
                _open[run.Id] = run;
                _waiting.AddLast(run);
                FailWaitingIfNoProcessWillStart();
                Dispatch();
                break;
            case TaskReplies replies:
                OnReplies(replies);
                break;
            case CancelIsolated cancel:
                OnCancel(cancel.Id);
                break;
            case RegisterWorker register:
                OnRegister(register);
                break;
            case WorkerProcessExited exited:
                OnExited(exited);
                break;
            case StartWorkerProcess start:
                if (_slots[start.Slot].State == WorkerSlotState.Waiting) Start(_slots[start.Slot]);
                break;
            case WorkerStartTimedOut timedOut:
                OnStartTimedOut(timedOut);
                break;
            case Terminated terminated:
                OnWorkerActorTerminated(terminated.ActorRef);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    /// <summary>Most tasks a process holds: two batches, or the configured minimum in flight.</summary>
    internal static int Capacity(int batch, int inFlightPerProcess, bool oneAtATime) => oneAtATime ? 1 : Math.Max(2 * batch, inFlightPerProcess);

    /// <summary>Sends waiting tasks to ready processes with room for a batch, the least loaded first; a suspect goes alone to an idle process.</summary>
    private void Dispatch()
    {
        // Guided: never more than a share of what waits, so batches shrink as the queue drains and the
        // processes finish a job's last tasks close together, however long a full batch runs.
        var batch = Math.Min(_batches.Next, Math.Max(1, _waiting.Count / (2 * _slots.Length)));
        var capacity = Capacity(batch, _options.TasksInFlightPerProcess, _oneAtATime);
        while (_waiting.First is not null)
        {
            WorkerSlot? target = null;
            foreach (var slot in _slots)
            {
                if (slot.State != WorkerSlotState.Ready || slot.RunningSuspect) continue;
                var room = capacity - slot.InFlight.Count;
                if (room >= Math.Min(batch, capacity) && (target is null || slot.InFlight.Count < target.InFlight.Count)) target = slot;
            }
            if (target is null) return;
            var tasks = TakeBatch(target, Math.Min(batch, capacity - target.InFlight.Count));
            if (tasks.Count == 0) return; // only suspects wait, and no process is idle
            target.Worker!.Tell(new RunTasks(_secret, tasks), Self);
        }
    }

    /// <summary>Moves up to <paramref name="size"/> waiting tasks onto <paramref name="slot"/>; a suspect only alone, onto an idle slot.</summary>
    private List<TaskRequest> TakeBatch(WorkerSlot slot, int size)
    {
        var tasks = new List<TaskRequest>(size);
        for (var node = _waiting.First; node is not null && tasks.Count < size;)
        {
            var next = node.Next;
            var run = node.Value;
            if (_suspects.Contains(run.Id))
            {
                if (tasks.Count == 0 && slot.InFlight.Count == 0)
                {
                    _waiting.Remove(node);
                    slot.InFlight.Add(run.Id);
                    slot.RunningSuspect = true;
                    return [new TaskRequest(run.Id, run.TaskName, run.Input)];
                }
            }
            else
            {
                _waiting.Remove(node);
                slot.InFlight.Add(run.Id);
                tasks.Add(new TaskRequest(run.Id, run.TaskName, run.Input));
            }
            node = next;
        }
        return tasks;
    }

    private void OnReplies(TaskReplies replies)
    {
        var slot = SlotOf(Sender);
        if (slot is null)
        {
            _log.Warning("Ignored a task reply from {0}: not a worker process of this pool.", Sender.Path);
            return;
        }
        var runMicroseconds = 0L;
        foreach (var reply in replies.Replies)
        {
            if (!slot.InFlight.Remove(reply.Id))
            {
                _log.Warning("Ignored a task reply from {0}: task {1} is not one it was given.", Sender.Path, reply.Id);
                continue;
            }
            runMicroseconds += reply.RunMicroseconds;
            _suspects.Remove(reply.Id);
            if (_open.Remove(reply.Id, out var run))
            {
                if (reply.Output is { } output) run.Completion.TrySetResult(output);
                else run.Completion.TrySetException(new WorkerTaskException(reply.ErrorType ?? "System.Exception", reply.ErrorMessage ?? ""));
            }
        }
        slot.DeathsInARow = 0;
        if (slot.InFlight.Count == 0) slot.RunningSuspect = false;
        if (replies.Replies.Count > 0) _batches.Observe(replies.Replies.Count, TimeSpan.FromMicroseconds(runMicroseconds));
        Dispatch();
    }

    private void OnCancel(long id)
    {
        if (!_open.Remove(id, out var run)) return; // finished meanwhile
        _suspects.Remove(id);
        run.Completion.TrySetCanceled(run.Token);
        var waiting = _waiting.Find(run);
        if (waiting is not null)
        {
            _waiting.Remove(waiting);
            return;
        }
        foreach (var slot in _slots)
        {
            var at = slot.InFlight.IndexOf(id);
            if (at < 0) continue;
            if (at == 0 && slot.Process is { } process)
            {
                // Running: .NET cannot stop a thread that ignores its token, but it can end its process.
                _log.Info("Killing worker process {0}: its task {1} was cancelled or timed out.", slot.ProcessId, run.TaskName);
                slot.KilledOnPurpose = true;
                LiveWorkerProcesses.Kill(process);
            }
            // Queued behind the running one: the child will run it, and the reply is ignored.
            return;
        }
    }

    private WorkerSlot? SlotOf(IActorRef worker)
    {
        foreach (var slot in _slots)
        {
            if (slot.Worker is not null && slot.Worker.Equals(worker)) return slot;
        }
        return null;
    }

    private bool SecretMatches(string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(_secret));
}
