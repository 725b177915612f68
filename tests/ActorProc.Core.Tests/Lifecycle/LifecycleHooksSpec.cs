using System.Collections.Concurrent;
using ActorProc.Core.Actors;

namespace ActorProc.Core.Tests.Lifecycle;

using ActorProc.TestKit;

public sealed class LifecycleHooksSpec : TestKit
{
    [Fact]
    public void Constructor_PreStart_messages_and_PostStop_run_in_that_order()
    {
        var log = new ConcurrentQueue<string>();
        var actor = Sys.ActorOf(Props.Create(() => new Recording(log)), "recording");
        Watch(actor);

        actor.Tell("a");
        actor.Tell("b");
        actor.Tell(PoisonPill.Instance);
        ExpectTerminated(actor);

        Assert.Equal(["constructor", "PreStart", "a", "b", "PostStop"], log);
    }

    [Fact]
    public void PreStart_runs_before_the_first_message_even_when_messages_were_sent_at_once()
    {
        var log = new ConcurrentQueue<string>();
        for (var i = 0; i < 20; i++)
        {
            var actor = Sys.ActorOf(Props.Create(() => new Recording(log)), $"r{i}");
            actor.Tell("first", TestActor);
            actor.Tell("reply", TestActor);
            ExpectMsg("replied");
            Assert.Equal(["constructor", "PreStart", "first", "reply"], log);
            log.Clear();
        }
    }

    [Fact]
    public void ReceiveAny_takes_every_message_the_earlier_handlers_leave()
    {
        var actor = Sys.ActorOf(Props.Create(() => new CatchAll()), "catch-all");

        actor.Tell(42, TestActor);
        actor.Tell("text", TestActor);
        actor.Tell(1.5, TestActor);

        ExpectMsg("int 42");
        ExpectMsg("any text");
        ExpectMsg("any 1.5");
    }

    private sealed class Recording : ReceiveActor
    {
        private readonly ConcurrentQueue<string> _log;

        public Recording(ConcurrentQueue<string> log)
        {
            _log = log;
            log.Enqueue("constructor");
            Receive<string>(s =>
            {
                log.Enqueue(s);
                if (s == "reply") Sender.Tell("replied", Self);
            });
        }

        protected override void PreStart() => _log.Enqueue("PreStart");

        protected override void PostStop() => _log.Enqueue("PostStop");
    }

    private sealed class CatchAll : ReceiveActor
    {
        public CatchAll()
        {
            Receive<int>(i => Sender.Tell($"int {i}", Self));
            ReceiveAny(m => Sender.Tell($"any {m}", Self));
        }
    }
}
