using System.Collections.Concurrent;
using ActorProc.Core.Actors;

namespace ActorProc.Core.Tests.Lifecycle;

using ActorProc.TestKit;

/// <summary>Async handlers keep one-message-at-a-time semantics across awaits.</summary>
public sealed class ReceiveAsyncSpec : TestKit
{
    [Fact]
    public void Async_handlers_never_overlap_and_keep_the_order()
    {
        var log = new ConcurrentQueue<string>();
        var actor = Sys.ActorOf(Props.Create(() => new Awaiting(log)), "awaiting");
        var senders = Enumerable.Range(1, 5).Select(_ => CreateTestProbe()).ToArray();

        for (var i = 0; i < 5; i++) actor.Tell(i + 1, senders[i]);

        // Each reply is sent after the handler's await, to the Sender of that handler's own message.
        for (var i = 0; i < 5; i++) senders[i].ExpectMsg(i + 1);
        var expected = Enumerable.Range(1, 5).SelectMany(n => new[] { $"enter {n}", $"exit {n}" });
        Assert.Equal(expected, log);
    }

    [Fact]
    public void An_exception_after_an_await_is_handled_by_supervision_like_a_synchronous_one()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Awaiting(new ConcurrentQueue<string>(), TestActor)), "awaiting");
        actor.Tell(1, TestActor);
        ExpectMsg(1);

        EventFilter.Exception<LifecycleBoom>(contains: "after await").ExpectOne(() =>
        {
            actor.Tell("fail later", TestActor);
            actor.Tell(2, TestActor); // waits behind the failing handler and survives the restart
        });

        ExpectMsg("restarted");
        ExpectMsg(2);
    }

    [Fact]
    public void Stop_gets_through_while_a_handler_is_awaiting()
    {
        var never = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new Hanging(never.Task, TestActor)), "hanging");
        Watch(actor);
        actor.Tell("hang");
        ExpectMsg("awaiting");

        Sys.Stop(actor);

        ExpectTerminated(actor);
    }

    private sealed class Awaiting : ReceiveActor
    {
        private readonly IActorRef? _probe;
        private int _inside;

        public Awaiting(ConcurrentQueue<string> log, IActorRef? probe = null)
        {
            _probe = probe;
            ReceiveAsync<int>(async n =>
            {
                log.Enqueue($"enter {n}");
                if (Interlocked.Increment(ref _inside) != 1) log.Enqueue("OVERLAP");
                // Both kinds of await: a timer continuation (another thread) and a plain yield.
                if (n % 2 == 1) await Task.Delay(5);
                else await Task.Yield();
                Interlocked.Decrement(ref _inside);
                log.Enqueue($"exit {n}");
                Sender.Tell(n, Self);
            });
            ReceiveAsync<string>(async _ =>
            {
                await Task.Yield();
                throw new LifecycleBoom("thrown after await");
            }, s => s == "fail later");
        }

        protected override void PostRestart(Exception reason) => _probe?.Tell("restarted");
    }

    private sealed class Hanging : ReceiveActor
    {
        public Hanging(Task never, IActorRef probe)
        {
            ReceiveAsync<string>(async _ =>
            {
                probe.Tell("awaiting");
                await never;
            });
        }
    }
}
