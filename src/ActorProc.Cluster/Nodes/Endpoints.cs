using System.Globalization;

namespace ActorProc.Cluster.Nodes;

/// <summary>Turns the <c>"host:port"</c> strings of flags into Akka addresses (<c>akka.tcp://SYSTEM@host:port</c>).</summary>
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

    public static Address ToAddress(string endpoint, string systemName, string what)
    {
        var (host, port) = Parse(endpoint, what);
        return new Address("akka.tcp", systemName, host, port);
    }
}
