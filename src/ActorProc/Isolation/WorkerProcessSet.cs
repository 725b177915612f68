using System.Security.Cryptography;
using System.Text;

namespace ActorProc.Isolation;

/// <summary>
/// The parent side of process isolation: one actor per isolated pool that starts the pool's N worker
/// processes, accepts their registration (secret and a process id it started), hands them named tasks
/// (at most <see cref="WorkerIsolation.TasksInFlightPerProcess"/> each, one when the pool has a task timeout), completes each caller's task
/// with the reply, and replaces dead processes with back-off.
/// <para>
/// Accounting, the invariant every path keeps: each <see cref="RunIsolated"/> is either waiting in
/// <see cref="_waiting"/>, in flight on exactly one slot, or completed (its completion source set, then
/// forgotten). When a process exits, the first task in flight on it (the running one) fails with a
/// <see cref="WorkerProcessExitedException"/> (the pool's job then retries it or reports it) and the
/// tasks queued behind it go back to the front of the queue without costing an attempt. A caller's
/// cancellation (the pool's task timeout, or the job's cancellation) drops a waiting task, and kills the
/// process running it: a task that does not stop is ended with its process, and its thread with it.
/// When the set stops (with the pool), every open task fails and every process ends: by itself, as it
/// watches the set, or killed after a grace period.
/// </para>
/// </summary>
internal sealed partial class WorkerProcessSet : UntypedActor, IWithTimers
{
    private readonly WorkerIsolation _options;
    private readonly string _secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
    private readonly WorkerSlot[] _slots;
    private readonly LinkedList<RunIsolated> _waiting = new();
    private readonly Dictionary<long, RunIsolated> _open = new();
    private readonly ILoggingAdapter _log = Context.GetLogger();

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>How long stopped children get to exit by themselves before they are killed.</summary>
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(2);

    private readonly int _inFlightPerProcess;

    public WorkerProcessSet(WorkerIsolation options, int inFlightPerProcess)
    {
        _options = options;
        _inFlightPerProcess = inFlightPerProcess;
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
            case TaskReply reply:
                OnReply(reply);
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

    /// <summary>Sends waiting tasks to ready processes with room, the least loaded first.</summary>
    private void Dispatch()
    {
        while (_waiting.First is not null)
        {
            WorkerSlot? target = null;
            foreach (var slot in _slots)
            {
                if (slot.State == WorkerSlotState.Ready && slot.InFlight.Count < _inFlightPerProcess && (target is null || slot.InFlight.Count < target.InFlight.Count))
                    target = slot;
            }
            if (target is null) return;
            var batch = new List<TaskRequest>();
            while (target.InFlight.Count < _inFlightPerProcess && _waiting.First is { } next)
            {
                _waiting.RemoveFirst();
                var run = next.Value;
                target.InFlight.Add(run.Id);
                batch.Add(new TaskRequest(run.Id, run.TaskName, run.Input));
            }
            target.Worker!.Tell(new RunTasks(_secret, batch), Self);
        }
    }

    private void OnReply(TaskReply reply)
    {
        var slot = SlotOf(Sender);
        if (slot is null || !slot.InFlight.Remove(reply.Id))
        {
            _log.Warning("Ignored a task reply from {0}: not a worker process of this pool, or not a task it was given.", Sender.Path);
            return;
        }
        slot.DeathsInARow = 0;
        if (_open.Remove(reply.Id, out var run))
        {
            if (reply.Output is { } output) run.Completion.TrySetResult(output);
            else run.Completion.TrySetException(new WorkerTaskException(reply.ErrorType ?? "System.Exception", reply.ErrorMessage ?? ""));
        }
        Dispatch();
    }

    private void OnCancel(long id)
    {
        if (!_open.Remove(id, out var run)) return; // finished meanwhile
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
