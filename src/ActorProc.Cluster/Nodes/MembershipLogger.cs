using Akka.Cluster;

namespace ActorProc.Cluster.Nodes;

/// <summary>
/// Logs membership changes at INFO, one line each with a fixed prefix and wording that scripts and
/// tests wait for: <c>actorproc cluster: member up: ADDRESS [roles]</c>, <c>member joining</c>,
/// <c>member leaving</c>, <c>member exited</c>, <c>member downed</c>, <c>member removed</c>,
/// <c>member unreachable</c>, <c>member reachable</c>, and <c>this node is up: ADDRESS</c>. Until this
/// node is up it logs <c>still joining: no answer from seed nodes [...]; retrying</c> every few
/// seconds (Akka keeps retrying the seeds by itself).
/// </summary>
internal sealed class MembershipLogger : ReceiveActor, IWithTimers
{
    public const string Prefix = "actorproc cluster: ";
    private const string JoiningTimer = "joining";
    private static readonly TimeSpan JoiningLogInterval = TimeSpan.FromSeconds(5);
    private readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(Context.System);
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public MembershipLogger(IReadOnlyList<string> seeds)
    {
        var seedList = seeds.Count == 0 ? "(none: this node forms the cluster)" : string.Join(", ", seeds);
        Receive<ClusterEvent.IMemberEvent>(Log);
        Receive<ClusterEvent.UnreachableMember>(e => _log.Warning(Prefix + "member unreachable: {0} {1}", e.Member.Address, Roles(e.Member)));
        Receive<ClusterEvent.ReachableMember>(e => _log.Info(Prefix + "member reachable: {0} {1}", e.Member.Address, Roles(e.Member)));
        Receive<StillJoining>(_ =>
        {
            if (_cluster.SelfMember.Status is MemberStatus.Joining or MemberStatus.WeaklyUp or MemberStatus.Up) Timers.Cancel(JoiningTimer);
            else _log.Warning(Prefix + "still joining: no answer from seed nodes [{0}]; retrying", seedList);
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
            typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));
        Timers.StartPeriodicTimer(JoiningTimer, StillJoining.Instance, JoiningLogInterval);
    }

    protected override void PostStop() => _cluster.Unsubscribe(Self);

    private void Log(ClusterEvent.IMemberEvent e)
    {
        var (what, member) = e switch
        {
            ClusterEvent.MemberJoined j => ("joining", j.Member),
            ClusterEvent.MemberUp u => ("up", u.Member),
            ClusterEvent.MemberWeaklyUp w => ("weakly up", w.Member),
            ClusterEvent.MemberLeft l => ("leaving", l.Member),
            ClusterEvent.MemberExited x => ("exited", x.Member),
            ClusterEvent.MemberDowned d => ("downed", d.Member),
            ClusterEvent.MemberRemoved r => ("removed", r.Member),
            _ => ("changed", e.Member),
        };
        _log.Info(Prefix + "member {0}: {1} {2}", what, member.Address, Roles(member));
        if (what == "up" && member.Address.Equals(_cluster.SelfAddress))
        {
            Timers.Cancel(JoiningTimer);
            _log.Info(Prefix + "this node is up: {0}", member.Address);
        }
    }

    private static string Roles(Member member) => $"[{string.Join(",", member.Roles.Order(StringComparer.Ordinal))}]";

    private sealed record StillJoining
    {
        public static readonly StillJoining Instance = new();
    }
}
