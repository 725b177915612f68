using ActorProc.Core.Actors;

namespace ActorProc.Remote.TestNode;

/// <summary>Replies to every message with the message itself; "path" is answered with its own path, "crash" makes it throw.</summary>
public sealed class EchoActor : ReceiveActor
{
    public EchoActor()
    {
        Receive<string>(_ => Sender.Tell(Self.Path.ToString(), Self), s => s == "path");
        Receive<string>(_ => throw new InvalidOperationException("crash requested"), s => s == "crash");
        ReceiveAny(m => Sender.Tell(m, Self));
    }
}
