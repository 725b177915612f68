namespace ActorProc.Core.Actors;

/// <summary>
/// Marks messages that the actor cell handles itself before the actor's own handlers
/// (<see cref="PoisonPill"/>, <see cref="Kill"/>, <see cref="Identify"/>).
/// </summary>
public interface IAutoReceivedMessage;

/// <summary>
/// Messages that do not reset the receive timeout when they arrive (e.g. periodic ticks), so an
/// actor still notices that it received nothing else.
/// </summary>
public interface INotInfluenceReceiveTimeout;

/// <summary>Stops the actor once it is processed; messages enqueued before it are processed first.</summary>
public sealed class PoisonPill : IAutoReceivedMessage
{
    /// <summary>The single instance.</summary>
    public static readonly PoisonPill Instance = new();
    private PoisonPill() { }

    /// <inheritdoc />
    public override string ToString() => "PoisonPill";
}

/// <summary>
/// Makes the actor fail with <see cref="ActorKilledException"/> when processed; the default strategy
/// stops an actor that was killed.
/// </summary>
public sealed class Kill : IAutoReceivedMessage
{
    /// <summary>The single instance.</summary>
    public static readonly Kill Instance = new();
    private Kill() { }

    /// <inheritdoc />
    public override string ToString() => "Kill";
}

/// <summary>Asks an actor (or a selection) for its ref; answered with <see cref="ActorIdentity"/>.</summary>
/// <param name="MessageId">Echoed back so replies can be correlated.</param>
public sealed record Identify(object? MessageId) : IAutoReceivedMessage;

/// <summary>The answer to <see cref="Identify"/>: the actor's ref, or null when no actor lives there.</summary>
public sealed record ActorIdentity(object? MessageId, IActorRef? Subject);

/// <summary>
/// Delivered to a watcher, once per watch, when a watched actor has terminated.
/// </summary>
/// <param name="ActorRef">The actor that terminated.</param>
/// <param name="ExistenceConfirmed">False when the actor was already gone (or never existed) when watched.</param>
/// <param name="AddressTerminated">True when the actor's whole node became unreachable.</param>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed, bool AddressTerminated) : IAutoReceivedMessage;

/// <summary>Delivered when an actor that set a receive timeout received nothing for that long.</summary>
public sealed class ReceiveTimeout : IAutoReceivedMessage, INotInfluenceReceiveTimeout
{
    /// <summary>The single instance.</summary>
    public static readonly ReceiveTimeout Instance = new();
    private ReceiveTimeout() { }

    /// <inheritdoc />
    public override string ToString() => "ReceiveTimeout";
}

/// <summary>Conventional replies that carry the outcome of an operation.</summary>
public static class Status
{
    /// <summary>The operation succeeded with <paramref name="Value"/>.</summary>
    public sealed record Success(object? Value);

    /// <summary>The operation failed; <c>Ask</c> turns this reply into a faulted task.</summary>
    public sealed record Failure(Exception Cause);
}
