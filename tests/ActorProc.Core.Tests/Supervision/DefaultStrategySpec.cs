using ActorProc.Core.Actors;

namespace ActorProc.Core.Tests.Supervision;

using ActorProc.TestKit;

/// <summary>
/// The default strategy (used by the user guardian and by any actor that names none): restart on an
/// ordinary exception; stop on ActorInitializationException, ActorKilledException and DeathPactException.
/// </summary>
public sealed class DefaultStrategySpec : TestKit
{
    public enum Failure { ExceptionInHandler, ConstructorThrows, PreStartThrows, Kill, UnhandledTerminated }

    public static TheoryData<Failure, Type, bool> Cases => new()
    {
        // failure, exception the supervisor sees (and logs), restarted (true) or stopped (false)
        { Failure.ExceptionInHandler, typeof(BoomException), true },
        { Failure.ConstructorThrows, typeof(ActorInitializationException), false },
        { Failure.PreStartThrows, typeof(ActorInitializationException), false },
        { Failure.Kill, typeof(ActorKilledException), false },
        { Failure.UnhandledTerminated, typeof(DeathPactException), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_default_strategy_restarts_ordinary_failures_and_stops_fatal_ones(Failure failure, Type cause, bool restarted)
    {
        IActorRef? actor = null;

        EventFilter.Exception(cause).ExpectOne(() =>
        {
            actor = Sys.ActorOf(Props.Create(() => new Victim(failure, TestActor)), "victim");
            Watch(actor);
            actor.Tell("go");
        });

        if (restarted)
        {
            ExpectMsg("restarted");
            actor!.Tell("ping", TestActor);
            ExpectMsg("pong");
        }
        else
        {
            ExpectTerminated(actor!);
        }
    }

    /// <summary>Fails in the way its <see cref="Failure"/> says, once "go" arrives (or at once for creation failures).</summary>
    private sealed class Victim : ReceiveActor
    {
        private readonly Failure _failure;
        private readonly IActorRef _probe;

        public Victim(Failure failure, IActorRef probe)
        {
            _failure = failure;
            _probe = probe;
            if (failure == Failure.ConstructorThrows) throw new BoomException("constructor");
            Receive<string>(_ => Go(), s => s == "go");
            Receive<string>(_ => Sender.Tell("pong", Self), s => s == "ping");
        }

        protected override void PreStart()
        {
            if (_failure == Failure.PreStartThrows) throw new BoomException("PreStart");
        }

        protected override void PostRestart(Exception reason) => _probe.Tell("restarted");

        private void Go()
        {
            switch (_failure)
            {
                case Failure.ExceptionInHandler:
                    throw new BoomException();
                case Failure.Kill:
                    Self.Tell(Kill.Instance);
                    break;
                case Failure.UnhandledTerminated:
                    // Watch a child and let it die; this actor has no handler for Terminated.
                    var doomed = Context.Watch(Context.ActorOf(Props.Create(() => new Victim(Failure.ExceptionInHandler, _probe)), "doomed"));
                    Context.Stop(doomed);
                    break;
            }
        }
    }
}
