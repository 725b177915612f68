namespace ActorProc.Core.Actors.SystemMessages;

/// <summary>First message of every actor: create the instance and run PreStart.</summary>
public sealed record Create : SystemMessage;

/// <summary>Restart the actor after a failure: PreRestart, new instance, PostRestart; the mailbox is kept.</summary>
/// <param name="Cause">The failure that led to the restart.</param>
public sealed record Recreate(Exception Cause) : SystemMessage;

/// <summary>Stop processing user messages until a matching <see cref="Resume"/>.</summary>
public sealed record Suspend : SystemMessage;

/// <summary>Undo one <see cref="Suspend"/>; when <paramref name="CausedByFailure"/> is set the failure is cleared.</summary>
public sealed record Resume(Exception? CausedByFailure) : SystemMessage;

/// <summary>Stop the actor: stop its children, run PostStop, notify watchers and the parent.</summary>
public sealed record Terminate : SystemMessage;

/// <summary>Registers <paramref name="Watcher"/> to be told when <paramref name="Watchee"/> terminates.</summary>
public sealed record Watch(IActorRef Watchee, IActorRef Watcher) : SystemMessage;

/// <summary>Removes a registration made by <see cref="Watch"/>.</summary>
public sealed record Unwatch(IActorRef Watchee, IActorRef Watcher) : SystemMessage;

/// <summary>Tells a watcher (or the parent) that <paramref name="Actor"/> has terminated.</summary>
public sealed record DeathWatchNotification(IActorRef Actor, bool ExistenceConfirmed, bool AddressTerminated = false) : SystemMessage;

/// <summary>Sent by a failed child to its parent, which applies its supervisor strategy.</summary>
/// <param name="Child">The failed child.</param>
/// <param name="Cause">What went wrong.</param>
/// <param name="Uid">The child's incarnation, so a stale report about an old incarnation is ignored.</param>
public sealed record Failed(IActorRef Child, Exception Cause, long Uid) : SystemMessage;

/// <summary>Tells a parent that a child was created (used by remote deployment to attach a remote child).</summary>
public sealed record Supervise(IActorRef Child) : SystemMessage;

/// <summary>Runs an await continuation of an async handler inside the actor (local only).</summary>
internal sealed record RunContinuation(SendOrPostCallback Callback, object? State) : SystemMessage;

/// <summary>An async handler finished; user messages may flow again (local only).</summary>
internal sealed record AsyncHandlerCompleted(Task Task) : SystemMessage;
