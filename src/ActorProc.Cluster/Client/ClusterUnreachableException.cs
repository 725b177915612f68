namespace ActorProc.Cluster.Client;

/// <summary>
/// A client could not join the cluster through any of its contact points within the timeout (no node
/// listening, another system name, a firewall). The message names the addresses tried; the
/// <c>actorproc submit/job/status</c> commands exit with code 2.
/// </summary>
public sealed class ClusterUnreachableException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="contactPoints">The addresses tried.</param>
    /// <param name="timeout">How long the client tried.</param>
    public ClusterUnreachableException(IReadOnlyList<string> contactPoints, TimeSpan timeout)
        : base($"Could not reach the cluster at {string.Join(", ", contactPoints)} within {timeout.TotalSeconds:0.#} s.") => ContactPoints = contactPoints;

    /// <summary>The addresses tried (<c>akka.tcp://actorproc@host:port</c>).</summary>
    public IReadOnlyList<string> ContactPoints { get; }
}
