using ActorProc.Core.Actors;

namespace ActorProc.Core.Tests.Supervision;

using ActorProc.TestKit;

public sealed class RestartMailboxSpec : TestKit
{
    [Fact]
    public void Restart_keeps_the_mailbox_and_loses_only_the_failing_message()
    {
        using var gate = new ManualResetEventSlim(false);
        var actor = Sys.ActorOf(Props.Create(() => new GatedWorker(TestActor, gate)), "worker");

        EventFilter.Exception<BoomException>().ExpectOne(() =>
        {
            // Blocking the first message keeps all 100 in the mailbox when the 10th fails.
            actor.Tell("block");
            for (var i = 1; i <= 100; i++) actor.Tell(i);
            gate.Set();
        });

        var received = ReceiveN(100);
        var expected = Enumerable.Range(1, 9).Cast<object>()
            .Append("restarted")
            .Concat(Enumerable.Range(11, 90).Cast<object>());
        Assert.Equal(expected, received);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    /// <summary>Reports each number to the probe, throws on 10, and can be held on "block" until the gate opens.</summary>
    private sealed class GatedWorker : ReceiveActor
    {
        private readonly IActorRef _probe;

        public GatedWorker(IActorRef probe, ManualResetEventSlim gate)
        {
            _probe = probe;
            Receive<string>(_ => gate.Wait(TimeSpan.FromSeconds(10)), s => s == "block");
            Receive<int>(n =>
            {
                if (n == 10) throw new BoomException();
                probe.Tell(n);
            });
        }

        protected override void PostRestart(Exception reason) => _probe.Tell("restarted");
    }
}
