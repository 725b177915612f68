using ActorProc.Core.Actors;

namespace ActorProc.Remote.Tests.Support;

/// <summary>
/// The fixture several specs share: nodes "alpha" and "beta" on loopback, an echo actor on beta, and
/// alpha's ref to it resolved across the wire before each test. A spec passes extra HOCON per node
/// when it needs other settings.
/// </summary>
public abstract class TwoNodeSpec(string alphaConfig = "", string betaConfig = "") : IAsyncLifetime
{
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    protected Nodes Nodes { get; } = new();
    protected Remoting A { get; private set; } = null!;
    protected Remoting B { get; private set; } = null!;
    protected IActorRef EchoOnB { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        A = Nodes.Start("alpha", extra: alphaConfig);
        B = Nodes.Start("beta", extra: betaConfig);
        B.System.ActorOf(Props.Create<EchoActor>(), "echo");
        EchoOnB = await A.System.ActorSelection($"{B.Address}/user/echo").ResolveOne(Timeout);
    }

    public async Task DisposeAsync() => await Nodes.DisposeAsync();
}
