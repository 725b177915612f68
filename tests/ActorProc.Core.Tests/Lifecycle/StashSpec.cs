using ActorProc.Core.Actors;
using ActorProc.Core.Events;

namespace ActorProc.Core.Tests.Lifecycle;

using ActorProc.TestKit;

public sealed class StashSpec : TestKit
{
    [Fact]
    public void UnstashAll_delivers_stashed_messages_in_their_order_before_later_ones()
    {
        var actor = Sys.ActorOf(Gatekeeper.Props(TestActor), "gatekeeper");

        foreach (var m in new[] { "a", "b", "c" }) actor.Tell(m);
        actor.Tell("open");
        actor.Tell("d");

        Assert.Equal(["a", "b", "c", "d"], ReceiveN(4));
    }

    [Fact]
    public void Stashed_messages_survive_a_restart()
    {
        var actor = Sys.ActorOf(Gatekeeper.Props(TestActor), "gatekeeper");
        foreach (var m in new[] { "a", "b", "c" }) actor.Tell(m);

        EventFilter.Exception<LifecycleBoom>().ExpectOne(() => actor.Tell("fail"));
        actor.Tell("open");
        actor.Tell("d");

        // The restart put them back in front of the mailbox; the new instance (closed again) stashed them anew.
        Assert.Equal(["a", "b", "c", "d"], ReceiveN(4));
    }

    [Fact]
    public void Stashed_messages_go_to_dead_letters_when_the_actor_stops()
    {
        var actor = Sys.ActorOf(Gatekeeper.Props(TestActor), "gatekeeper");
        var letters = CreateTestProbe();
        Sys.EventStream.Subscribe(letters, typeof(DeadLetter));
        Watch(actor);

        EventFilter.DeadLetter<string>().Expect(3, () =>
        {
            foreach (var m in new[] { "a", "b", "c" }) actor.Tell(m, TestActor);
            actor.Tell(PoisonPill.Instance);
            ExpectTerminated(actor);
        });

        var dead = Enumerable.Range(0, 3).Select(_ => letters.ExpectMsg<DeadLetter>()).ToList();
        Assert.Equal(["a", "b", "c"], dead.Select(d => d.Message));
        Assert.All(dead, d => Assert.Equal(TestActor, d.Sender));
        Assert.All(dead, d => Assert.Equal(actor, d.Recipient));
    }

    [Fact]
    public void Stashing_the_same_message_twice_throws()
    {
        var actor = Sys.ActorOf(Gatekeeper.Props(TestActor), "gatekeeper");

        actor.Tell("twice", TestActor);

        var error = ExpectMsg<InvalidOperationException>();
        Assert.Contains("stashed twice", error.Message);
    }

    [Fact]
    public void Unstash_returns_only_the_oldest_message()
    {
        var actor = Sys.ActorOf(Gatekeeper.Props(TestActor), "gatekeeper");
        foreach (var m in new[] { "a", "b", "c" }) actor.Tell(m);

        actor.Tell("peek");

        Assert.Equal(["peeked", "a"], ReceiveN(2)); // "a" came back; the others stayed stashed
        actor.Tell("open");
        Assert.Equal(["b", "c"], ReceiveN(2));
    }

    /// <summary>Stashes everything until "open", then passes everything to the probe.</summary>
    private sealed class Gatekeeper : ReceiveActor, IWithStash
    {
        private readonly IActorRef _probe;

        private Gatekeeper(IActorRef probe)
        {
            _probe = probe;
            Closed();
        }

        public IStash Stash { get; set; } = null!;

        public static Props Props(IActorRef probe) => global::ActorProc.Core.Actors.Props.Create(() => new Gatekeeper(probe));

        private void Closed()
        {
            Receive<string>(_ =>
            {
                Stash.UnstashAll();
                Become(Open);
            }, s => s == "open");
            Receive<string>(_ => throw new LifecycleBoom(), s => s == "fail");
            Receive<string>(_ =>
            {
                Stash.Stash();
                try
                {
                    Stash.Stash();
                }
                catch (InvalidOperationException e)
                {
                    _probe.Tell(e);
                }
            }, s => s == "twice");
            Receive<string>(_ =>
            {
                Stash.Unstash();
                _probe.Tell("peeked");
                Become(PassOneThenClose);
            }, s => s == "peek");
            ReceiveAny(_ => Stash.Stash());
        }

        private void PassOneThenClose()
        {
            ReceiveAny(m =>
            {
                _probe.Tell(m);
                Become(Closed);
            });
        }

        private void Open() => ReceiveAny(m => _probe.Tell(m));
    }
}
