namespace ActorProc.Core.Routing;

/// <summary>Finds the actor cell behind a routee, for the logics and the resizer that look at mailboxes.</summary>
internal static class RouteeCells
{
    /// <summary>The local cell of <paramref name="routee"/> (resolving a group path), or null when it is not a local actor.</summary>
    public static ActorCell? LocalCell(IActorRef routee) => routee switch
    {
        LocalActorRef local => local.Cell,
        GroupRoutee group => (group.Current as LocalActorRef)?.Cell,
        _ => null,
    };
}
