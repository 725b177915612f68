namespace ActorProc.Dashboard;

/// <summary>
/// The dashboard could not listen: another process holds its port (or the address is not this
/// machine's). The message names the host and port; <c>actorproc</c> exits with code 2.
/// </summary>
public sealed class DashboardPortInUseException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="host">The host the dashboard tried to listen on.</param>
    /// <param name="port">The port it tried.</param>
    /// <param name="inner">Kestrel's error.</param>
    public DashboardPortInUseException(string host, int port, Exception inner)
        : base($"The dashboard cannot listen on {host}:{port}: {inner.Message}", inner)
    {
        Host = host;
        Port = port;
    }

    /// <summary>The host the dashboard tried to listen on.</summary>
    public string Host { get; }

    /// <summary>The port it tried.</summary>
    public int Port { get; }
}
