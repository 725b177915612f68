using ActorProc.Core.Actors;

namespace ActorProc.Core.Tests.Lifecycle;

using ActorProc.TestKit;

public sealed class BecomeSpec : TestKit
{
    [Fact]
    public void Become_replaces_the_handlers_from_the_next_message_on()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Switch()), "switch");

        actor.Tell("state", TestActor);
        actor.Tell("toggle");
        actor.Tell("state", TestActor);
        actor.Tell("toggle");
        actor.Tell("state", TestActor);

        ExpectMsg("off");
        ExpectMsg("on");
        ExpectMsg("off");
    }

    [Fact]
    public void BecomeStacked_and_UnbecomeStacked_push_and_pop_behaviours()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Stacked()), "stacked");

        actor.Tell("who", TestActor);
        actor.Tell("push:one");
        actor.Tell("who", TestActor);
        actor.Tell("push:two");
        actor.Tell("who", TestActor);
        actor.Tell("pop");
        actor.Tell("who", TestActor);
        actor.Tell("pop");
        actor.Tell("who", TestActor);
        actor.Tell("pop"); // popping the base behaviour is a no-op
        actor.Tell("who", TestActor);

        Assert.Equal(["base", "one", "two", "one", "base", "base"], ReceiveN(6));
    }

    [Fact]
    public void A_restart_returns_to_the_initial_behaviour()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Switch()), "switch");
        actor.Tell("toggle");
        actor.Tell("state", TestActor);
        ExpectMsg("on");

        EventFilter.Exception<LifecycleBoom>().ExpectOne(() => actor.Tell(new LifecycleBoom()));

        actor.Tell("state", TestActor);
        ExpectMsg("off");
    }

    /// <summary>Toggles between two handler sets with ReceiveActor.Become.</summary>
    private sealed class Switch : ReceiveActor
    {
        public Switch() => Off();

        private void Off()
        {
            Receive<string>(_ => Sender.Tell("off", Self), s => s == "state");
            Receive<string>(_ => Become(On), s => s == "toggle");
            Receive<LifecycleBoom>(e => throw e);
        }

        private void On()
        {
            Receive<string>(_ => Sender.Tell("on", Self), s => s == "state");
            Receive<string>(_ => Become(Off), s => s == "toggle");
            Receive<LifecycleBoom>(e => throw e);
        }
    }

    /// <summary>Pushes named behaviours on the context's stack and pops them.</summary>
    private sealed class Stacked : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case "who": Sender.Tell("base", Self); break;
                case string s when s.StartsWith("push:", StringComparison.Ordinal): Context.BecomeStacked(Named(s[5..])); break;
                case "pop": Context.UnbecomeStacked(); break;
                default: Unhandled(message); break;
            }
        }

        private Receive Named(string name) => message =>
        {
            switch (message)
            {
                case "who": Sender.Tell(name, Self); return true;
                case string s when s.StartsWith("push:", StringComparison.Ordinal): Context.BecomeStacked(Named(s[5..])); return true;
                case "pop": Context.UnbecomeStacked(); return true;
                default: return false;
            }
        };
    }
}
