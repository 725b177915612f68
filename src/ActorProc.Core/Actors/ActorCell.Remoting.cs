namespace ActorProc.Core.Actors;

internal sealed partial class ActorCell
{
    /// <summary>
    /// Creates a child whose <see cref="Deploy"/> names a non-local scope: the remote provider builds it on the
    /// other node and hands back a ref that this cell supervises like a local child (its failures and its
    /// death arrive as system messages over the network).
    /// </summary>
    /// <exception cref="ActorConfigurationException">Remoting is not started on this system.</exception>
    private IActorRef CreateRemoteChild(Props deployed, string name, ActorPath path, Scope scope)
    {
        var provider = System.RemoteProvider
            ?? throw new ActorConfigurationException($"Cannot deploy {path} to {scope}: remoting is not started on actor system '{System.Name}' (call UseRemoting()).");
        var reservation = Reserve(name, path);
        try
        {
            var child = provider.CreateRemoteChild(this, deployed, name, scope);
            Fill(reservation, child);
            return child;
        }
        catch
        {
            ReleaseReservation(name, reservation);
            throw;
        }
    }
}
