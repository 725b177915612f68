using ActorProc.Core.Actors;
using ActorProc.Core.Configuration;

namespace ActorProc.Remote;

/// <summary>Starts remoting on an actor system.</summary>
public static class RemotingExtensions
{
    /// <summary>
    /// Starts remoting on <paramref name="system"/> with its <c>actorproc.remote</c> settings and returns it, e.g.
    /// <c>var remote = ActorSystem.Create("sys", config).UseRemoting();</c>. Call it once, right after creating the system.
    /// </summary>
    /// <exception cref="ConfigurationException"><c>actorproc.remote.secret</c> is empty, or another key is invalid.</exception>
    /// <exception cref="InvalidOperationException">Remoting is already started on this system.</exception>
    /// <exception cref="System.Net.Sockets.SocketException">The address cannot be bound.</exception>
    public static Remoting UseRemoting(this ActorSystem system) => Remoting.Start(system);
}
