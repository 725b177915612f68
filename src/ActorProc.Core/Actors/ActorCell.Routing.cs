namespace ActorProc.Core.Actors;

internal sealed partial class ActorCell
{
    /// <summary>
    /// Frees a child name reserved by <see cref="CreateChild"/> when building the child failed (a router whose
    /// routees could not be created), so the name can be used again. Any thread (children lock).
    /// </summary>
    private void ReleaseReservation(string name, string reservation)
    {
        var children = ChildrenMap;
        lock (children.Gate)
        {
            // The name was reserved by the failing creation itself, so nobody else can hold it.
            if (name == reservation) children.Remove(name);
        }
    }
}
