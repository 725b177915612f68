namespace ActorProc.TestKit.Tests;

/// <summary>Replies to every message with the same message.</summary>
internal sealed class EchoActor : ReceiveActor
{
    public EchoActor() => ReceiveAny(m => Sender.Tell(m, Self));
}

/// <summary>Throws the exception it is sent.</summary>
internal sealed class ThrowingActor : ReceiveActor
{
    public ThrowingActor()
    {
        Receive<Exception>(e => throw e);
        ReceiveAny(m => Sender.Tell(m, Self));
    }
}

/// <summary>What <see cref="WatcherActor"/> reports (a Terminated itself cannot be passed on: the kernel drops Terminated for actors the receiver does not watch).</summary>
internal sealed record WatchedActorDied(IActorRef Actor);

/// <summary>Watches the actor it is sent and reports its death to whoever asked.</summary>
internal sealed class WatcherActor : ReceiveActor
{
    private IActorRef? _reportTo;

    public WatcherActor()
    {
        Receive<IActorRef>(target =>
        {
            _reportTo = Sender;
            Context.Watch(target);
            Sender.Tell("watching", Self);
        });
        Receive<Terminated>(t => _reportTo?.Tell(new WatchedActorDied(t.ActorRef), Self));
    }
}

/// <summary>Handles only strings; everything else is unhandled.</summary>
internal sealed class StringOnlyActor : ReceiveActor
{
    public StringOnlyActor() => Receive<string>(s => Sender.Tell(s, Self));
}
