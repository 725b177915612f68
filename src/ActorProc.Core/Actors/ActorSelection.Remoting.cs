namespace ActorProc.Core.Actors;

public sealed partial class ActorSelection
{
    /// <summary>The node a remote selection points at; null for a local selection.</summary>
    private readonly Address? _remoteAddress;

    private ActorSelection(ActorSystem system, Address remoteAddress, string[] elements, string pathString)
    {
        _system = system;
        _anchor = ActorPath.Root(remoteAddress);
        _elements = elements;
        _remoteAddress = remoteAddress;
        PathString = pathString;
    }

    /// <summary>A selection resolved on the node at <paramref name="address"/> (built by the remote provider).</summary>
    internal static ActorSelection CreateRemote(ActorSystem system, Address address, IReadOnlyList<string> elements, string pathString) =>
        new(system, address, elements.ToArray(), pathString);

    /// <summary>A selection of this system's actors from the root (for a path that names this system by another address).</summary>
    internal static ActorSelection CreateLocal(ActorSystem system, IReadOnlyList<string> elements, string pathString) =>
        new(system, ActorPath.Root(system.LocalAddress), elements.ToArray(), pathString);

    /// <summary>Sends through the remote provider when this is a remote selection; false for a local one.</summary>
    private bool TryTellRemote(object message, IActorRef? sender)
    {
        if (_remoteAddress is null) return false;
        if (_system.RemoteProvider is { } provider) provider.TellSelection(_remoteAddress, _elements, message, sender);
        else _system.DeadLetterRef.Publish(message, sender, _system.DeadLetters);
        return true;
    }

    /// <summary>ResolveOne of a remote selection: an <see cref="Identify"/> round trip to the other node.</summary>
    private async Task<IActorRef> ResolveRemote(TimeSpan timeout)
    {
        var promise = new PromiseActorRef(_system, _system.NextTempPath());
        TryTellRemote(new Identify(PathString), promise);
        object reply;
        try
        {
            reply = await promise.Result.WaitAsync(timeout, _system.TimeProvider).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            promise.Expire();
            throw new ActorNotFoundException($"No actor found for selection '{PathString}': no answer from {_remoteAddress} within {timeout}.");
        }
        return reply is ActorIdentity { Subject: { } subject }
            ? subject
            : throw new ActorNotFoundException($"No actor found for selection '{PathString}' on {_remoteAddress}.");
    }
}
