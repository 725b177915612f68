namespace ActorProc.Isolation;

internal sealed partial class WorkerProcessSet
{
    /// <summary>Starts the slot's process; a start that throws counts as a failed start.</summary>
    private void Start(WorkerSlot slot)
    {
        slot.Generation++;
        slot.KilledOnPurpose = false;
        var generation = slot.Generation;
        Process process;
        try
        {
            var info = _options.StartInfo?.Invoke() ?? WorkerProcessStart.CurrentProgram();
            info.UseShellExecute = false;
            info.RedirectStandardOutput = true; // the parent's stdout carries its results only
            info.Environment[WorkerEnvironment.Parent] = Self.Path.ToStringWithAddress(((ExtendedActorSystem)Context.System).Provider.DefaultAddress);
            info.Environment[WorkerEnvironment.Secret] = _secret;
            info.Environment[WorkerEnvironment.ParentProcessId] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            info.Environment["DOTNET_DbgEnableMiniDump"] = "0"; // a crashing task must not leave a dump per death
            process = new Process { StartInfo = info, EnableRaisingEvents = true };
            var self = Self;
            process.Exited += (_, _) => self.Tell(new WorkerProcessExited(slot.Index, generation, ExitCodeOf(process)));
            process.OutputDataReceived += (_, line) =>
            {
                if (line.Data is not null) Console.Error.WriteLine(line.Data);
            };
            process.Start();
            process.BeginOutputReadLine();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            slot.State = WorkerSlotState.Waiting;
            StartFailed(slot, $"worker process could not be started: {e.Message}");
            return;
        }
        LiveWorkerProcesses.Add(process);
        slot.Process = process;
        slot.ProcessId = process.Id;
        slot.State = WorkerSlotState.Starting;
        Timers.StartSingleTimer(("start", slot.Index), new WorkerStartTimedOut(slot.Index, generation), _options.StartTimeout);
    }

    private void OnRegister(RegisterWorker register)
    {
        var slot = _slots.FirstOrDefault(s => s.State == WorkerSlotState.Starting && s.ProcessId == register.ProcessId);
        if (slot is null || !SecretMatches(register.Secret))
        {
            // Not a process this pool started (or it has the wrong secret): it gets no work and no answer.
            _log.Warning("Refused a worker registration from {0} (process {1}): not a process this pool started, or a wrong secret.", Sender.Path, register.ProcessId);
            return;
        }
        Timers.Cancel(("start", slot.Index));
        slot.Worker = Sender;
        slot.State = WorkerSlotState.Ready;
        slot.FailedStartsInARow = 0;
        Context.Watch(Sender);
        Sender.Tell(WorkerAccepted.Instance, Self);
        _log.Debug("Worker process {0} registered as {1}.", slot.ProcessId, Sender.Path);
        Dispatch();
    }

    private void OnStartTimedOut(WorkerStartTimedOut timedOut)
    {
        var slot = _slots[timedOut.Slot];
        if (slot.Generation != timedOut.Generation || slot.State != WorkerSlotState.Starting) return;
        slot.LastStartFailure = $"worker process {slot.ProcessId} did not register within {_options.StartTimeout.TotalSeconds:0.#} s";
        slot.KilledOnPurpose = true;
        if (slot.Process is { } process) LiveWorkerProcesses.Kill(process); // its exit is handled like any other
    }

    /// <summary>The child's actor is gone (its system stopped, or the connection is lost): make sure its process is too; the exit does the accounting.</summary>
    private void OnWorkerActorTerminated(IActorRef worker)
    {
        var slot = SlotOf(worker);
        if (slot?.Process is { } process) LiveWorkerProcesses.Kill(process);
    }

    private void OnExited(WorkerProcessExited exited)
    {
        var slot = _slots[exited.Slot];
        if (slot.Generation != exited.Generation || slot.Process is null) return;
        var process = slot.Process;
        LiveWorkerProcesses.Remove(process);
        process.Dispose();
        Timers.Cancel(("start", slot.Index));
        if (slot.Worker is { } worker) Context.Unwatch(worker);
        var wasReady = slot.State == WorkerSlotState.Ready;
        var cause = ExitDescription.Of(exited.ExitCode);
        if (slot.InFlight.Count == 1)
        {
            // The only task unanswered was running: blame it.
            if (_open.Remove(slot.InFlight[0], out var run))
            {
                _suspects.Remove(run.Id);
                run.Completion.TrySetException(new WorkerProcessExitedException(slot.ProcessId, exited.ExitCode, run.TaskName, run.Input));
            }
        }
        else if (slot.InFlight.Count > 1)
        {
            // Which one was running is unknown: none is charged; each runs alone next, where a killer is caught by itself.
            for (var i = slot.InFlight.Count - 1; i >= 0; i--)
            {
                if (!_open.TryGetValue(slot.InFlight[i], out var unanswered)) continue;
                _suspects.Add(unanswered.Id);
                _waiting.AddFirst(unanswered);
            }
        }
        slot.InFlight.Clear();
        slot.RunningSuspect = false;
        if (LiveWorkerProcesses.Exiting) return;
        if (!slot.KilledOnPurpose) _log.Warning("Worker process {0} exited with {1}; it is replaced.", slot.ProcessId, cause);
        slot.Process = null;
        slot.Worker = null;
        slot.State = WorkerSlotState.Waiting;
        if (!wasReady) StartFailed(slot, slot.LastStartFailure is { } timeout && slot.KilledOnPurpose ? timeout : $"worker process {slot.ProcessId} exited with {cause} before it registered");
        else ScheduleRestart(slot, ++slot.DeathsInARow);
        Dispatch();
    }

    private void StartFailed(WorkerSlot slot, string why)
    {
        slot.LastStartFailure = why;
        slot.FailedStartsInARow++;
        _log.Warning("Worker process start {0} of slot {1} failed: {2}.", slot.FailedStartsInARow, slot.Index, why);
        FailWaitingIfNoProcessWillStart();
        ScheduleRestart(slot, slot.FailedStartsInARow);
    }

    private void ScheduleRestart(WorkerSlot slot, int failuresInARow)
    {
        var delay = TimeSpan.FromTicks(Math.Min(_options.MaxRestartBackoff.Ticks,
            _options.MinRestartBackoff.Ticks * (1L << Math.Min(20, Math.Max(0, failuresInARow - 1)))));
        Timers.StartSingleTimer(("restart", slot.Index), new StartWorkerProcess(slot.Index), delay);
    }

    /// <summary>
    /// When no process runs and every slot has failed its last <see cref="WorkerIsolation.MaxStartFailures"/>
    /// starts, waiting tasks would wait forever: they fail with the last cause instead (the slots keep trying).
    /// </summary>
    private void FailWaitingIfNoProcessWillStart()
    {
        if (_waiting.Count == 0) return;
        if (_slots.Any(s => s.State == WorkerSlotState.Ready || s.FailedStartsInARow < _options.MaxStartFailures)) return;
        var why = _slots.Select(s => s.LastStartFailure).LastOrDefault(s => s is not null) ?? "worker processes do not start";
        foreach (var run in _waiting)
        {
            _open.Remove(run.Id);
            run.Completion.TrySetException(new WorkerProcessStartException($"No worker process is running: {why}."));
        }
        _waiting.Clear();
    }

    private static int ExitCodeOf(Process process)
    {
        try
        {
            return process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }
}
