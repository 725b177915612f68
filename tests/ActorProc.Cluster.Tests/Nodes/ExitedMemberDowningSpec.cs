using Akka.Cluster;
using Akka.Configuration;

namespace ActorProc.Cluster.Tests.Nodes;

/// <summary>
/// A member whose process is gone (its port refuses connections) is downed by its peers at once,
/// not after the split-brain resolver's stable-after. The resolver here waits 60 s, longer than the
/// test may take, so only ActorProc's own downing can remove the member in time.
/// </summary>
public sealed class ExitedMemberDowningSpec
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    // The failure detector and the resolver are slow on purpose: they cannot be what downs the member.
    private static readonly Config SlowResolver = ConfigurationFactory.ParseString("""
        akka.cluster.split-brain-resolver.stable-after = 60s
        akka.cluster.failure-detector.acceptable-heartbeat-pause = 30s
        """).WithFallback(TestNodes.FastConfig);

    [Fact]
    public async Task A_member_whose_port_closed_without_leaving_is_downed_and_removed()
    {
        var journal = "sqlite:" + TestNodes.TempJournal();
        await using var survivor = await ClusterNode.StartAsync(new NodeSettings { Journal = journal, Config = SlowResolver }, TestTasks.Registry());
        await survivor.WhenUp.WaitAsync(Timeout);
        var seed = $"{survivor.Address.Host}:{survivor.Address.Port}";
        // No leave on termination: the system just stops and its port closes, as when a process dies.
        var abrupt = ConfigurationFactory.ParseString("akka.coordinated-shutdown.run-by-actor-system-terminate = off").WithFallback(SlowResolver);
        var victim = await ClusterNode.StartAsync(new NodeSettings { Journal = journal, Seeds = [seed], Config = abrupt }, TestTasks.Registry());
        await victim.WhenUp.WaitAsync(Timeout);
        var victimAddress = victim.Address;
        var cluster = Akka.Cluster.Cluster.Get(survivor.System);
        var removed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listener = survivor.System.ActorOf(Props.Create(() => new RemovalListener(victimAddress, removed)));
        cluster.Subscribe(listener, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.MemberRemoved));

        await victim.System.Terminate();

        await removed.Task.WaitAsync(Timeout); // the member-removed event: its shards may move now
        Assert.Equal(MemberStatus.Up, cluster.SelfMember.Status);
    }

    private sealed class RemovalListener : ReceiveActor
    {
        public RemovalListener(Address victim, TaskCompletionSource removed) =>
            Receive<ClusterEvent.MemberRemoved>(e =>
            {
                if (e.Member.Address == victim) removed.TrySetResult();
            });
    }
}
