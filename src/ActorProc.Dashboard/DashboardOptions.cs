using System.Net;

namespace ActorProc.Dashboard;

/// <summary>
/// Where the dashboard listens, who may see it and how often it samples the cluster. Defaults: loopback
/// only, any free port is not a default (give <see cref="Port"/>), no token, a snapshot every second.
/// </summary>
public sealed record DashboardOptions
{
    /// <summary>The loopback address, the default <see cref="Host"/>.</summary>
    public const string LoopbackHost = "127.0.0.1";

    /// <summary>
    /// Address or host name to listen on (default <c>127.0.0.1</c>). <c>localhost</c> and loopback
    /// addresses need no token; any other address (e.g. <c>0.0.0.0</c>) requires <see cref="Token"/>.
    /// </summary>
    public string Host { get; init; } = LoopbackHost;

    /// <summary>TCP port, 0–65535; 0 picks a free port (read it back from <see cref="DashboardServer.Address"/>).</summary>
    public required int Port { get; init; }

    /// <summary>
    /// The shared secret a browser must present (<c>?token=</c> in the page's address, or
    /// <c>Authorization: Bearer</c>); null = none, allowed only on a loopback <see cref="Host"/>.
    /// </summary>
    public string? Token { get; init; }

    /// <summary>How often the cluster is sampled and a snapshot pushed (default 1 s; at least 100 ms).</summary>
    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How much throughput history the chart shows (default 5 minutes).</summary>
    public TimeSpan ThroughputWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>True when <see cref="Host"/> is <c>localhost</c> or a loopback address.</summary>
    public bool IsLoopback =>
        string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(Host, out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>The options with the token masked (a record would print it, and options end up in logs).</summary>
    public override string ToString() =>
        $"DashboardOptions {{ Host = {Host}, Port = {Port}, Token = {(Token is null ? "(none)" : "***")}, SampleInterval = {SampleInterval}, ThroughputWindow = {ThroughputWindow} }}";

    /// <summary>Checks every option; each problem is reported with the option's name and the reason.</summary>
    /// <exception cref="ArgumentException">A value is out of range, the host is blank, or a non-loopback host has no token.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host)) throw new ArgumentException("The dashboard host must not be blank.");
        if (Port is < 0 or > 65535) throw new ArgumentException($"The dashboard port must be 0–65535; got {Port}.");
        if (Token is not null && string.IsNullOrWhiteSpace(Token)) throw new ArgumentException("The dashboard token must not be blank.");
        if (!IsLoopback && Token is null)
            throw new ArgumentException($"The dashboard would listen on {Host}, which is not a loopback address: give it a token (anyone who can reach the port could read the cluster's jobs and inputs).");
        if (SampleInterval < TimeSpan.FromMilliseconds(100)) throw new ArgumentException($"The dashboard sample interval must be at least 100 ms; got {SampleInterval.TotalMilliseconds:0} ms.");
        if (ThroughputWindow < SampleInterval) throw new ArgumentException("The throughput window must be at least one sample interval.");
    }
}
