namespace ActorProc.Core.Actors;

/// <summary>
/// The location of an actor system: a protocol, the system's name and, for systems reachable over
/// the network, a host and port. Local systems use <c>actorproc://name</c>; remote ones
/// <c>actorproc.tcp://name@host:port</c>.
/// </summary>
/// <param name="Protocol">The scheme, <c>actorproc</c> for in-process systems.</param>
/// <param name="System">The actor system's name.</param>
/// <param name="Host">The host name, or null for a local-only address.</param>
/// <param name="Port">The TCP port, or null for a local-only address.</param>
public sealed record Address(string Protocol, string System, string? Host = null, int? Port = null)
{
    /// <summary>The protocol of local, in-process actor systems.</summary>
    public const string LocalProtocol = "actorproc";

    /// <summary>True when this address has a host and port, i.e. is reachable over the network.</summary>
    public bool HasGlobalScope => Host is not null;

    /// <summary>Renders the address as <c>protocol://system</c> or <c>protocol://system@host:port</c>.</summary>
    public override string ToString() =>
        Host is null ? $"{Protocol}://{System}" : $"{Protocol}://{System}@{Host}:{Port}";
}
