using ActorProc.Cli.Output;
using ActorProc.Cluster.Client;
using ActorProc.Dashboard;

namespace ActorProc.Cli.Commands.Cluster;

/// <summary>Starts a dashboard for a command and reports where it listens (or why it cannot) on stderr.</summary>
internal static class DashboardStarter
{
    /// <summary>The server, or null after printing why it could not start (port taken, bad host).</summary>
    public static async Task<DashboardServer?> TryStartAsync(ClusterJobClient client, DashboardOptions options, CliConsole console, CancellationToken cancellationToken)
    {
        try
        {
            var server = await DashboardServer.StartAsync(client, options, cancellationToken).ConfigureAwait(false);
            console.Error.WriteLine($"actorproc: dashboard at {server.Address}{(options.Token is null ? "" : " (open it with ?token=TOKEN)")}");
            return server;
        }
        catch (Exception e) when (e is DashboardPortInUseException or ArgumentException)
        {
            console.Error.WriteLine($"actorproc: {e.Message.ReplaceLineEndings(" ")}");
            return null;
        }
    }
}
