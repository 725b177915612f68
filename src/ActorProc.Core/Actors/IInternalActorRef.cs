using ActorProc.Core.Actors.SystemMessages;

namespace ActorProc.Core.Actors;

/// <summary>
/// The runtime's view of a ref: besides user messages it accepts system messages (create, watch,
/// suspend, restart, terminate) and knows its parent. Local, promise, dead-letter and (later) remote
/// refs implement it.
/// </summary>
internal interface IInternalActorRef : IActorRef
{
    /// <summary>The ref of the parent (the root guardian's parent is a sentinel).</summary>
    IInternalActorRef Parent { get; }

    /// <summary>True when the actor is known to have terminated.</summary>
    bool IsTerminated { get; }

    /// <summary>Delivers a system message; system messages overtake user messages.</summary>
    void SendSystemMessage(SystemMessage message);

    /// <summary>Asks the actor to stop (asynchronously).</summary>
    void Stop();
}
