using ActorProc.Cluster.Client;
using ActorProc.Dashboard.Sampling;

namespace ActorProc.Dashboard.Tests.Sampling;

public sealed class MemberTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private const string A = "akka.tcp://actorproc@127.0.0.1:4001";
    private const string B = "akka.tcp://actorproc@127.0.0.1:4002";
    private const string C = "akka.tcp://actorproc@127.0.0.1:4003";

    private static ClusterMemberInfo Member(string address, string status = "up", bool reachable = true) => new(address, ["worker"], status, reachable);

    [Fact]
    public void A_removed_member_stays_listed_with_the_reachability_it_was_last_seen_with()
    {
        var members = new MemberTracker();
        members.Update([Member(A), Member(B), Member(C)], A, T0);
        members.Update([Member(A), Member(B, reachable: false), Member(C, "exiting")], A, T0.AddSeconds(1));
        var table = members.Update([Member(A)], A, T0.AddSeconds(2));

        Assert.Equal([A, B, C], table.Select(m => m.Address));
        Assert.True(table[0].IsSelf);
        Assert.Equal(("removed", false), (table[1].Status, table[1].Reachable)); // died and was downed
        Assert.Equal(("removed", true), (table[2].Status, table[2].Reachable)); // left gracefully
    }

    [Fact]
    public void A_member_removed_between_two_samples_without_leaving_died()
    {
        var members = new MemberTracker();
        members.Update([Member(A), Member(B)], A, T0);
        var table = members.Update([Member(A)], A, T0.AddSeconds(1)); // downed and removed within a second

        Assert.Equal(("removed", false), (table[1].Status, table[1].Reachable));
    }

    [Fact]
    public void A_removed_member_is_forgotten_after_a_while()
    {
        var members = new MemberTracker();
        members.Update([Member(A), Member(B)], A, T0);
        members.Update([Member(A)], A, T0.AddSeconds(1));
        var table = members.Update([Member(A)], A, T0 + MemberTracker.RemovedKept + TimeSpan.FromSeconds(1));

        Assert.Equal([A], table.Select(m => m.Address));
    }
}
