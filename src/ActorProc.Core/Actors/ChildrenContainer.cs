namespace ActorProc.Core.Actors;

/// <summary>
/// The children of one actor by name, created when the first child is (most actors never have any).
/// Concurrency contract: the map is read and written only under <see cref="Gate"/>, because besides
/// the parent's own thread, <c>system.ActorOf</c> creates top-level actors from any thread and
/// selections look children up from any thread. <see cref="NextName"/> is only touched with Interlocked.
/// </summary>
internal sealed class ChildrenContainer
{
    /// <summary>Guards <see cref="Map"/>; a <see cref="Lock"/> is cheaper than a monitor on the dictionary.</summary>
    public readonly Lock Gate = new();

    /// <summary>Children (including those still stopping, whose names stay reserved) by name.</summary>
    public readonly Dictionary<string, ChildRestartStats> Map = new();

    /// <summary>Counter for generated child names ($a, $b, ...).</summary>
    public long NextName;
}
