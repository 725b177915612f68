using System.Globalization;

namespace ActorProc.Cluster.Nodes;

/// <summary>Turns the <c>"host:port"</c> strings of flags into Akka addresses (<c>akka.tcp://SYSTEM@host:port</c>, or <c>akka.ssl.tcp://</c> with TLS).</summary>
internal static class Endpoints
{
    /// <exception cref="ArgumentException"><paramref name="endpoint"/> is not <c>host:port</c> with a port 1-65535.</exception>
    public static (string Host, int Port) Parse(string endpoint, string what)
    {
        var colon = endpoint?.LastIndexOf(':') ?? -1;
        if (colon <= 0 || !int.TryParse(endpoint.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            throw new ArgumentException($"Invalid {what} '{endpoint}': expected host:port with a port from 1 to 65535.", what);
        return (endpoint![..colon].Trim('[', ']'), port);
    }

    /// <summary>The address of <paramref name="endpoint"/> (<c>host:port</c>) in the system <paramref name="systemName"/>.</summary>
    /// <param name="endpoint"><c>host:port</c>.</param>
    /// <param name="systemName">The cluster's actor system name.</param>
    /// <param name="what">What the endpoint is, for the error message (<c>seed</c>, <c>contact point</c>).</param>
    /// <param name="protocol"><c>akka.tcp</c>, or <c>akka.ssl.tcp</c> when the cluster talks TLS (<see cref="Configuration.ClusterTls.Protocol"/>).</param>
    /// <exception cref="ArgumentException"><paramref name="endpoint"/> is not <c>host:port</c> with a port 1-65535.</exception>
    public static Address ToAddress(string endpoint, string systemName, string what, string protocol = "akka.tcp")
    {
        var (host, port) = Parse(endpoint, what);
        return new Address(protocol, systemName, host, port);
    }
}
