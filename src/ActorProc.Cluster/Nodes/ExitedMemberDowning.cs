using System.Net.Sockets;
using Akka.Cluster;
using Akka.Remote;

namespace ActorProc.Cluster.Nodes;

/// <summary>
/// Downs a member as soon as its process is known to be gone, instead of waiting for the failure
/// detector and the split-brain resolver (about 6 s with cluster.conf's timings, ~25 s with Akka's).
/// <para>
/// When a process dies (a crash, <c>kill -9</c>, an OOM kill) its machine's kernel closes its sockets:
/// the other members see the connection drop (Akka.Remote's <see cref="DisassociatedEvent"/> or a
/// failed reconnect, <see cref="AssociationErrorEvent"/>). This actor then tries a TCP connection to
/// the member's address itself. "Connection refused" on every attempt means the machine answered and
/// nothing listens on that port any more: the member's process is gone, it cannot hold shards or run
/// tasks, and downing it is safe. Anything else — a connection that succeeds (a paused or merely slow
/// process still listens: its kernel accepts), a timeout (the machine or network is down, so nobody
/// can know) — changes nothing, and the split-brain resolver decides as usual. The dead incarnation
/// is also quarantined, which makes Akka.Cluster treat it as terminated, so the leader removes it (and
/// sharding re-homes its shards) without waiting for the failure detector.
/// </para>
/// <para>Only members that are joining, weakly up or up are downed: a leaving member's exit is its own.</para>
/// <para>Concurrency contract: an actor; the probes run as tasks whose outcome is piped back to it.</para>
/// </summary>
internal sealed class ExitedMemberDowning : ReceiveActor
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan BetweenProbes = TimeSpan.FromMilliseconds(100);
    private const int Probes = 3;

    private readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(Context.System);
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly HashSet<Address> _probing = [];

    public ExitedMemberDowning()
    {
        Receive<DisassociatedEvent>(e => Probe(e.RemoteAddress));
        Receive<AssociationErrorEvent>(e => Probe(e.RemoteAddress));
        Receive<ProbeOutcome>(Decide);
    }

    protected override void PreStart() =>
        Context.System.EventStream.Subscribe(Self, typeof(AssociationEvent));

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void Probe(Address address)
    {
        if (ActiveMember(address) is null || address.Host is null || address.Port is null || !_probing.Add(address)) return;
        AllRefusedAsync(address.Host, address.Port.Value)
            .ContinueWith(t => new ProbeOutcome(address, t.IsCompletedSuccessfully && t.Result), TaskScheduler.Default)
            .PipeTo(Self);
    }

    private void Decide(ProbeOutcome outcome)
    {
        _probing.Remove(outcome.Address);
        if (!outcome.Refused || ActiveMember(outcome.Address) is not { } member) return;
        _log.Warning(MembershipLogger.Prefix + "downing {0}: its process is gone (connection refused at {1}:{2})", member.Address, member.Address.Host, member.Address.Port);
        _cluster.Down(member.Address);
        // Down alone is not enough: the leader removes a downed member only once it is unreachable,
        // which the failure detector decides seconds later. Quarantining the dead incarnation (its
        // uid: a restarted process has another) makes Akka.Cluster mark it terminated at once.
        ((IRemoteActorRefProvider)((ExtendedActorSystem)Context.System).Provider).Quarantine(member.Address, member.UniqueAddress.Uid);
    }

    /// <summary>The member at <paramref name="address"/> (not this node) when it is joining, weakly up or up.</summary>
    private Member? ActiveMember(Address address) =>
        address == _cluster.SelfAddress ? null
        : _cluster.State.Members.FirstOrDefault(m => m.Address == address && m.Status is MemberStatus.Joining or MemberStatus.WeaklyUp or MemberStatus.Up);

    /// <summary>True when each of a few connection attempts is refused (nothing listens); false on any other outcome.</summary>
    private static async Task<bool> AllRefusedAsync(string host, int port)
    {
        for (var attempt = 0; attempt < Probes; attempt++)
        {
            if (attempt > 0) await Task.Delay(BetweenProbes).ConfigureAwait(false);
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            using var timeout = new CancellationTokenSource(ProbeTimeout);
            try
            {
                await socket.ConnectAsync(host, port, timeout.Token).ConfigureAwait(false);
                return false; // something listens: the process (or a new one) is there
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
            {
                // refused: ask again, so one odd answer decides nothing
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                return false; // unreachable, unresolvable, timed out: not proof of anything
            }
        }
        return true;
    }

    private sealed record ProbeOutcome(Address Address, bool Refused);
}
