using ActorProc.Core.Actors;
using ActorProc.Core.Supervision;

namespace ActorProc.Core.Tests.Supervision;

/// <summary>The failure the test actors throw on purpose.</summary>
internal sealed class BoomException(string message = "boom") : Exception(message);

/// <summary>A lifecycle hook ran: which hook, on which actor, on which incarnation, with what detail.</summary>
internal sealed record Hook(string Name, string Actor, int Instance, object? Detail = null);

/// <summary>Creates a child of the receiving <see cref="ParentActor"/>; answered with the child's ref.</summary>
internal sealed record CreateChild(Props Props, string Name);

/// <summary>
/// An actor with a counter ("inc", "get"), that throws on "fail" (or rethrows any Exception it is sent),
/// and reports every lifecycle hook to a probe as a <see cref="Hook"/>. Each instance has a distinct id, so
/// a test can tell incarnations apart.
/// </summary>
internal sealed class StatefulActor : ReceiveActor
{
    private static int _instances;
    private readonly IActorRef _hooks;
    private readonly int _instance = Interlocked.Increment(ref _instances);
    private int _state;

    public StatefulActor(IActorRef hooks)
    {
        _hooks = hooks;
        Receive<string>(OnCommand);
        Receive<Exception>(e => throw e);
        Receive<CreateChild>(c => Sender.Tell(Context.ActorOf(c.Props, c.Name), Self));
    }

    private void OnCommand(string command)
    {
        switch (command)
        {
            case "inc": _state++; break;
            case "get": Sender.Tell(_state, Self); break;
            case "ping": Sender.Tell("pong", Self); break;
            case "fail": throw new BoomException();
            default: Unhandled(command); break;
        }
    }

    protected override void PreStart() => Report("PreStart");

    protected override void PostStop() => Report("PostStop");

    protected override void PreRestart(Exception reason, object? message)
    {
        Report("PreRestart", (reason, message));
        base.PreRestart(reason, message);
    }

    protected override void PostRestart(Exception reason)
    {
        Report("PostRestart", reason);
        base.PostRestart(reason);
    }

    private void Report(string hook, object? detail = null) => _hooks.Tell(new Hook(hook, Self.Path.Name, _instance, detail), Self);
}

/// <summary>A parent that creates children on request (<see cref="CreateChild"/>); its strategy comes from its Props.</summary>
internal sealed class ParentActor : ReceiveActor
{
    public ParentActor()
    {
        Receive<CreateChild>(c => Sender.Tell(Context.ActorOf(c.Props, c.Name), Self));
        Receive<Exception>(e => throw e);
    }
}

/// <summary>Helpers shared by the supervision specs.</summary>
internal static class Supervise
{
    /// <summary>Props of a <see cref="ParentActor"/> that supervises with <paramref name="strategy"/>.</summary>
    public static Props Parent(SupervisorStrategy strategy) => Props.Create(() => new ParentActor()).WithSupervisorStrategy(strategy);

    /// <summary>Props of a <see cref="ParentActor"/> whose decider always answers <paramref name="directive"/>.</summary>
    public static Props Parent(Directive directive) => Parent(new OneForOneStrategy(_ => directive));

    /// <summary>Props of a <see cref="StatefulActor"/> reporting its hooks to <paramref name="hooks"/>.</summary>
    public static Props Stateful(IActorRef hooks) => Props.Create(() => new StatefulActor(hooks));

    /// <summary>Asks <paramref name="parent"/> (a <see cref="ParentActor"/> or <see cref="StatefulActor"/>) to create a child, and returns it.</summary>
    public static IActorRef ChildOf(this TestKit.TestKit kit, IActorRef parent, Props props, string name)
    {
        var replies = kit.CreateTestProbe();
        parent.Tell(new CreateChild(props, name), replies);
        return replies.ExpectMsg<IActorRef>();
    }
}
