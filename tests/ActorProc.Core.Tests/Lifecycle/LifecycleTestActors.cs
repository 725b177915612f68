using ActorProc.Core.Actors;

namespace ActorProc.Core.Tests.Lifecycle;

/// <summary>An actor that answers "ping" with "pong" and otherwise does nothing.</summary>
internal sealed class PingActor : ReceiveActor
{
    public PingActor() => Receive<string>(_ => Sender.Tell("pong", Self), s => s == "ping");

    public static Props Props() => global::ActorProc.Core.Actors.Props.Create(() => new PingActor());
}

/// <summary>The failure the lifecycle specs throw on purpose.</summary>
internal sealed class LifecycleBoom(string message = "boom") : Exception(message);
