using ActorProc.Core.Actors;

namespace ActorProc.Core.Tests.Actors;

/// <summary>Replies to every message with the same message.</summary>
internal sealed class Echo : ReceiveActor
{
    public Echo() => ReceiveAny(m => Sender.Tell(m, Self));
}

/// <summary>Asks a <see cref="Parent"/> to create a child; answered with the child's ref, or a Status.Failure with the exception.</summary>
internal sealed record SpawnChild(Props Props, string? Name);

/// <summary>Creates children on request (<see cref="SpawnChild"/>), answers <see cref="ActorSelection"/> lookups relative to itself.</summary>
internal sealed class Parent : ReceiveActor
{
    public Parent()
    {
        Receive<SpawnChild>(spawn =>
        {
            try
            {
                Sender.Tell(Context.ActorOf(spawn.Props, spawn.Name), Self);
            }
            catch (Exception e)
            {
                Sender.Tell(new Status.Failure(e), Self);
            }
        });
        Receive<RelativeSelection>(s => Context.ActorSelection(s.Path).Tell(s.Message, Sender));
    }
}

/// <summary>Makes a <see cref="Parent"/> send <see cref="Message"/> to <see cref="Path"/> resolved relative to itself.</summary>
internal sealed record RelativeSelection(string Path, object Message);

/// <summary>Forwards every message to a target, keeping the original sender.</summary>
internal sealed class Forwarder : ReceiveActor
{
    public Forwarder(IActorRef target) => ReceiveAny(m => target.Forward(m));
}

/// <summary>Handles only strings (echoing them); everything else is unhandled.</summary>
internal sealed class StringsOnly : ReceiveActor
{
    public StringsOnly() => Receive<string>(s => Sender.Tell(s, Self));
}

/// <summary>Reports every message it processes to a probe, in order.</summary>
internal sealed class Recorder(IActorRef report) : UntypedActor
{
    protected override void OnReceive(object message) => report.Tell(message, Sender);
}
