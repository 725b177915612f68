namespace ActorProc.Isolation;

/// <summary>One of a pool's N worker processes, as its process set sees it. Touched by the set's actor only.</summary>
internal sealed class WorkerSlot(int index)
{
    public int Index { get; } = index;

    /// <summary>Counts the starts of this slot; messages about an older start are ignored.</summary>
    public int Generation { get; set; }

    public WorkerSlotState State { get; set; } = WorkerSlotState.Waiting;

    public Process? Process { get; set; }

    public int ProcessId { get; set; }

    /// <summary>The child's worker actor, once it registered.</summary>
    public IActorRef? Worker { get; set; }

    /// <summary>Ids sent to the child and not answered, in the order it runs them (answers for a batch may come together, so the first is not necessarily the one running).</summary>
    public List<long> InFlight { get; } = [];

    /// <summary>True while the process runs a suspect (a task that was unanswered in a process that died): it then runs nothing else.</summary>
    public bool RunningSuspect { get; set; }

    /// <summary>Deaths in a row without a completed task (grows the restart back-off).</summary>
    public int DeathsInARow { get; set; }

    /// <summary>Starts in a row that never registered.</summary>
    public int FailedStartsInARow { get; set; }

    /// <summary>Why the last start failed.</summary>
    public string? LastStartFailure { get; set; }

    /// <summary>True when this set killed the process on purpose (a cancelled or timed-out task, or the pool stopping).</summary>
    public bool KilledOnPurpose { get; set; }
}

/// <summary>Life of a <see cref="WorkerSlot"/>: Waiting (for its start or restart) → Starting (process up, not registered) → Ready → (exit) → Waiting.</summary>
internal enum WorkerSlotState
{
    Waiting,
    Starting,
    Ready,
}
