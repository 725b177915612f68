using System.Collections.Concurrent;
using ActorProc.Core.Actors;

namespace ActorProc.Core.Tests.Supervision;

using ActorProc.TestKit;

/// <summary>With <c>guardian-supervisor-strategy = escalate</c> a failing top-level actor takes the whole system down, cleanly.</summary>
public sealed class GuardianEscalationSpec() : TestKit("actorproc.actor.guardian-supervisor-strategy = escalate")
{
    [Fact]
    public async Task A_failure_escalated_to_the_user_guardian_terminates_the_system_cleanly()
    {
        var stopped = new ConcurrentQueue<string>();
        var failing = Sys.ActorOf(Props.Create(() => new Recorded(stopped)), "failing");
        Sys.ActorOf(Props.Create(() => new Recorded(stopped)), "bystander");
        failing.Tell("ping", TestActor);
        ExpectMsg("pong");

        using (EventFilter.Exception<BoomException>().Mute())
        {
            failing.Tell("fail");
            await Sys.WhenTerminated.WaitAsync(TimeSpan.FromSeconds(10));
        }

        var result = await Sys.Terminate(); // already terminated: returns the same outcome at once
        Assert.False(result.Forced);
        Assert.Empty(result.OverranActors);
        Assert.Equal(["bystander", "failing"], stopped.Order()); // both ran PostStop: a clean stop, not an abandoned one
    }

    /// <summary>Answers "ping", throws on "fail", and records its name when it stops.</summary>
    private sealed class Recorded : ReceiveActor
    {
        private readonly ConcurrentQueue<string> _stopped;

        public Recorded(ConcurrentQueue<string> stopped)
        {
            _stopped = stopped;
            Receive<string>(_ => Sender.Tell("pong", Self), s => s == "ping");
            Receive<string>(_ => throw new BoomException(), s => s == "fail");
        }

        protected override void PostStop() => _stopped.Enqueue(Self.Path.Name);
    }
}
