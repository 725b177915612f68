using ActorProc.Core.Actors;
using ActorProc.Core.Events;
using ActorProc.Core.Routing;
using static ActorProc.Core.Tests.Routing.RoutingTestSupport;

namespace ActorProc.Core.Tests.Routing;

public sealed class ConsistentHashingRouterSpec
{
    private sealed record Keyed(int Key) : IConsistentHashable
    {
        public object ConsistentHashKey => Key;
    }

    private sealed record Plain(string Id);

    [Fact]
    public async Task The_same_key_always_reaches_the_same_routee()
    {
        await using var sys = ActorSystem.Create("hash");
        var router = sys.ActorOf(Props.Create<NameReplier>().WithRouter(new ConsistentHashingPool(5)), "workers");

        var owners = new Dictionary<int, string>();
        for (var round = 0; round < 3; round++)
        {
            for (var key = 0; key < 100; key++)
            {
                var owner = await router.Ask<string>(new Keyed(key), Patience);
                if (round == 0) owners[key] = owner;
                else Assert.Equal(owners[key], owner);
            }
        }
        Assert.True(owners.Values.Distinct().Count() >= 4, "100 keys should reach (nearly) all 5 routees");
    }

    [Fact]
    public async Task A_hash_mapping_or_an_envelope_supplies_the_key_and_the_routee_gets_the_bare_message()
    {
        await using var sys = ActorSystem.Create("hash");
        var received = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        var pool = new ConsistentHashingPool(4).WithHashMapping(m => m is Plain p ? p.Id : null);
        var router = sys.ActorOf(Props.Create<EchoWithName>().WithRouter(pool), "workers");

        for (var i = 0; i < 20; i++)
        {
            var viaMapping = await router.Ask<(string Routee, object Message)>(new Plain($"id-{i}"), Patience);
            var viaEnvelope = await router.Ask<(string Routee, object Message)>(new ConsistentHashableEnvelope("payload", $"id-{i}"), Patience);
            var viaInterface = await router.Ask<(string Routee, object Message)>(new Keyed(i), Patience);
            var viaEnvelopeOfNumber = await router.Ask<(string Routee, object Message)>(new ConsistentHashableEnvelope("payload", i), Patience);

            Assert.Equal(viaMapping.Routee, viaEnvelope.Routee);
            Assert.Equal("payload", viaEnvelope.Message);
            Assert.Equal(viaInterface.Routee, viaEnvelopeOfNumber.Routee);
        }
    }

    [Fact]
    public async Task A_message_without_a_key_becomes_a_dead_letter()
    {
        await using var sys = ActorSystem.Create("hash");
        var deadLetter = new TaskCompletionSource<DeadLetter>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = sys.EventStream.Subscribe<DeadLetter>(d => { if (d.Message is Plain) deadLetter.TrySetResult(d); });
        var router = sys.ActorOf(Props.Create<NameReplier>().WithRouter(new ConsistentHashingPool(2)), "workers");

        router.Tell(new Plain("no key"), null);

        var letter = await Within(deadLetter.Task);
        Assert.Equal(router, letter.Recipient);
    }

    [Fact]
    public async Task Growing_the_pool_moves_only_keys_to_the_new_routee()
    {
        await using var sys = ActorSystem.Create("hash");
        var router = sys.ActorOf(Props.Create<NameReplier>().WithRouter(new ConsistentHashingPool(4) { VirtualNodesFactor = 50 }), "workers");
        var before = new Dictionary<int, string>();
        for (var key = 0; key < 400; key++) before[key] = await router.Ask<string>(new Keyed(key), Patience);

        router.Tell(new AdjustPoolSize(1), null);
        await AwaitRouteeCount(router, n => n == 5, "the pool has 5 routees");

        var moved = 0;
        for (var key = 0; key < 400; key++)
        {
            var after = await router.Ask<string>(new Keyed(key), Patience);
            if (after == before[key]) continue;
            moved++;
            Assert.Equal("$e", after);
        }
        Assert.InRange(moved, 1, 400 / 5 + 400 / 10);
    }

    [Fact]
    public async Task Consistent_hashing_group_keeps_keys_on_one_path()
    {
        await using var sys = ActorSystem.Create("hash");
        foreach (var name in new[] { "s1", "s2", "s3" }) sys.ActorOf(Props.Create<NameReplier>(), name);
        var router = sys.ActorOf(new ConsistentHashingGroup("/user/s1", "/user/s2", "/user/s3").Props(), "shards");

        for (var key = 0; key < 50; key++)
        {
            var first = await router.Ask<string>(new Keyed(key), Patience);
            Assert.Equal(first, await router.Ask<string>(new Keyed(key), Patience));
        }
    }

    private sealed class EchoWithName : ReceiveActor
    {
        public EchoWithName() => ReceiveAny(m => Sender.Tell((Self.Path.Name, m), Self));
    }
}
