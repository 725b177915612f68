namespace ActorProc.Core.Routing;

/// <summary>
/// The least busy routee. Score per routee (lower is better): 0 = idle with an empty mailbox (taken at once);
/// otherwise queued messages plus one if it is processing a message right now; a suspended routee (awaiting an
/// async handler, failed or restarting) scores just below a terminated one, and a routee we cannot inspect (not
/// in this process, or an unresolved group path) just below that. The scan starts at a rotating offset so that
/// ties spread over the routees instead of always hitting the first.
/// <para>
/// Concurrency contract: reads other actors' mailbox counters and current message without synchronisation;
/// the values are approximate by nature (they change while we look), which only affects the quality of the
/// choice, never safety. The only own state is the rotating offset (Interlocked).
/// </para>
/// </summary>
internal sealed class SmallestMailboxRoutingLogic : RoutingLogic
{
    private const long Terminated = long.MaxValue;
    private const long Suspended = long.MaxValue - 1;
    private const long Unknown = long.MaxValue - 2;

    private int _offset;

    public override void Send(object message, IActorRef? sender, RouteeSnapshot routees, RouterState router)
    {
        var members = routees.Members;
        if (members.Length == 0)
        {
            router.NoRoutee(message, sender);
            return;
        }
        var start = (int)((uint)Interlocked.Increment(ref _offset) % (uint)members.Length);
        var best = members[start];
        var bestScore = long.MaxValue;
        for (var i = 0; i < members.Length; i++)
        {
            var routee = members[(start + i) % members.Length];
            var score = Score(routee);
            if (score == 0)
            {
                best = routee;
                break;
            }
            if (score < bestScore)
            {
                best = routee;
                bestScore = score;
            }
        }
        best.Tell(Payload(message), sender);
    }

    /// <summary>How busy a routee looks right now (see the class comment).</summary>
    internal static long Score(IActorRef routee)
    {
        var cell = RouteeCells.LocalCell(routee);
        if (cell is null) return Unknown;
        if (cell.IsTerminated) return Terminated;
        var mailbox = cell.Mailbox;
        if (mailbox.IsSuspended) return Suspended;
        return (cell.CurrentMessage is null ? 0L : 1L) + mailbox.NumberOfMessages;
    }
}
