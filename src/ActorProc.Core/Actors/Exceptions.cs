namespace ActorProc.Core.Actors;

/// <summary>A child name is invalid (empty, contains '/', starts with '$', illegal characters) or already taken.</summary>
public sealed class InvalidActorNameException(string message) : ArgumentException(message);

/// <summary>The actor could not be created or failed in PreStart; the default strategy stops it.</summary>
public sealed class ActorInitializationException(IActorRef? actor, string message, Exception? cause)
    : Exception(message, cause)
{
    /// <summary>The actor that failed to initialize, when known.</summary>
    public IActorRef? Actor { get; } = actor;
}

/// <summary>Raised inside an actor that received <see cref="Kill"/>; the default strategy stops it.</summary>
public sealed class ActorKilledException(string message) : Exception(message);

/// <summary>An actor received a <see cref="Terminated"/> for a watched actor and did not handle it.</summary>
public sealed class DeathPactException(IActorRef deadActor)
    : Exception($"Monitored actor {deadActor} terminated and the watcher did not handle Terminated")
{
    /// <summary>The actor whose termination was not handled.</summary>
    public IActorRef DeadActor { get; } = deadActor;
}

/// <summary>An <c>Ask</c> got no reply in time, or was cancelled; the message names the target and the time.</summary>
public sealed class AskTimeoutException(string message, Exception? inner = null) : TimeoutException(message, inner);

/// <summary>An <see cref="ActorSelection"/> matched no living actor.</summary>
public sealed class ActorNotFoundException(string message) : Exception(message);

/// <summary>An actor, dispatcher or mailbox was configured wrongly (unknown id, bad option).</summary>
public sealed class ActorConfigurationException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Operation attempted on an actor system that is terminating or terminated.</summary>
public sealed class ActorSystemTerminatedException(string message) : InvalidOperationException(message);
