namespace ActorProc.Core.Actors;

internal sealed partial class ActorCell
{
    /// <summary>
    /// Frees a child name reserved by <see cref="CreateChild"/> when building the child failed (a router whose
    /// routees could not be created), so the name can be used again. Any thread (children lock).
    /// </summary>
    private void ReleaseReservation(string name, ChildRestartStats reservation)
    {
        var children = ChildrenMap;
        var map = children.Map;
        lock (children.Gate)
        {
            if (map.TryGetValue(name, out var stats) && ReferenceEquals(stats, reservation)) map.Remove(name);
        }
    }
}
