namespace ActorProc.Core.Actors;

internal sealed partial class ActorCell
{
    /// <summary>
    /// State that most actors never need (death watch, failure bookkeeping, async handlers, receive
    /// timeout, stacked behaviours), allocated on first use so that an idle actor stays small: a
    /// million actors must fit in a few hundred megabytes. Runner thread only, like the cell.
    /// </summary>
    private CellExtras? _extras;

    private CellExtras Extras => _extras ??= new CellExtras();

    private sealed class CellExtras
    {
        /// <summary>Actors this actor watches, with the message to deliver on their death (Terminated when null).</summary>
        public Dictionary<IActorRef, object?>? Watching;

        /// <summary>Actors watching this actor.</summary>
        public HashSet<IActorRef>? WatchedBy;

        /// <summary>Watched actors whose Terminated is queued but not yet processed (so Unwatch can drop it).</summary>
        public HashSet<IActorRef>? TerminatedQueued;

        /// <summary>Set while this actor failed and waits for its parent's decision.</summary>
        public Exception? FailedCause;

        /// <summary>The message that was being processed when the actor failed (given to PreRestart).</summary>
        public object? FailedMessage;

        /// <summary>Cause of the restart in progress while waiting for stopping children.</summary>
        public Exception? RecreateCause;

        /// <summary>The supervisor strategy of the current incarnation (resolved on first use).</summary>
        public SupervisorStrategy? Strategy;

        /// <summary>The message whose async handler is pending; restored around each continuation so Sender works.</summary>
        public Envelope AsyncEnvelope;

        /// <summary>Posts await continuations of async handlers back into the actor.</summary>
        public SynchronizationContext? SyncContext;

        /// <summary>The receive timeout, or null when none is set.</summary>
        public TimeSpan? ReceiveTimeout;

        /// <summary>The pending receive-timeout tick.</summary>
        public ICancelable? ReceiveTimeoutTimer;

        /// <summary>Generation of the current countdown, to recognise stale ticks.</summary>
        public int ReceiveTimeoutGeneration;

        /// <summary>Behaviours pushed by BecomeStacked.</summary>
        public Stack<Receive>? BehaviorStack;
    }
}
