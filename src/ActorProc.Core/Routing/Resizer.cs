namespace ActorProc.Core.Routing;

/// <summary>
/// Decides how a pool grows or shrinks. The router counts the messages it routes and, when
/// <see cref="IsTimeForResize"/> says so, asks <see cref="Resize"/> on the router actor's thread (at most one
/// resize at a time; messages keep being routed meanwhile). <see cref="DefaultResizer"/> is the usual choice.
/// </summary>
public abstract class Resizer
{
    /// <summary>
    /// Whether to resize now, given how many messages were routed before this one (0 for the first message).
    /// Called on sender threads for every routed message, so it must be cheap and thread-safe.
    /// </summary>
    public abstract bool IsTimeForResize(long messageCounter);

    /// <summary>
    /// The number of routees to add (positive) or remove (negative) given the current routees. Called on the
    /// router actor's thread; removed routees are the most recently added ones.
    /// </summary>
    public abstract int Resize(IReadOnlyList<IActorRef> currentRoutees);
}
