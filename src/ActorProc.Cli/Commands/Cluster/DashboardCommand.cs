using System.CommandLine;
using ActorProc.Cli.Hosting;
using ActorProc.Cli.Output;
using ActorProc.Cluster.Client;
using ActorProc.Dashboard;

namespace ActorProc.Cli.Commands.Cluster;

/// <summary>
/// <c>actorproc dashboard --cluster host:port --port P</c>: joins the cluster as a client member (as
/// <c>actorproc status</c> does) and serves the live dashboard until Ctrl+C or SIGTERM, then leaves.
/// The same page as <c>actorproc node --dashboard-port</c>, from a machine that runs no node.
/// </summary>
internal static class DashboardCommand
{
    public static Command Create(CliConsole console)
    {
        var cluster = new ClusterOptions();
        var flags = new DashboardFlags(prefix: "", portRequired: true);
        var command = new Command("dashboard", "Serve the live cluster dashboard (members, shards, jobs with progress, throughput, failures) from a client member, until Ctrl+C.");
        foreach (var option in new Option[] { cluster.Cluster, cluster.ConnectTimeout, cluster.Config, cluster.Verbose }) command.Options.Add(option);
        flags.AddTo(command);
        command.SetAction((parse, _) => ServeAsync(new ClusterSettings(
            ContactPoints: [.. (parse.GetValue(cluster.Cluster) ?? []).SelectMany(c => c.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
            ConnectTimeout: parse.GetValue(cluster.ConnectTimeout) ?? TimeSpan.FromSeconds(10),
            ConfigFile: parse.GetValue(cluster.Config),
            Json: false,
            Quiet: false,
            Verbose: parse.GetValue(cluster.Verbose)), flags.Read(parse)!, console));
        return command;
    }

    private static async Task<int> ServeAsync(ClusterSettings settings, DashboardOptions options, CliConsole console)
    {
        using var cancel = new CancelSignal(console.Error);
        try
        {
            options.Validate(); // before joining: a bad host or a missing token needs no cluster
            var client = await ClusterConnection.ConnectAsync(settings, cancel.Token).ConfigureAwait(false);
            try
            {
                await using var server = await DashboardStarter.TryStartAsync(client, options, console, cancel.Token).ConfigureAwait(false);
                if (server is null) return ExitCodes.UsageError;
                var ended = await Task.WhenAny(client.System.WhenTerminated, Task.Delay(Timeout.Infinite, cancel.Token)).ConfigureAwait(false);
                // Akka's own CLR hook may stop the system on SIGTERM before the token is seen: only a downed client ends badly.
                if (ended == client.System.WhenTerminated && CoordinatedShutdown.Get(client.System).ShutdownReason is CoordinatedShutdown.ClusterDowningReason)
                {
                    console.Error.WriteLine("actorproc: the dashboard's client member was downed by the cluster; exiting");
                    return ExitCodes.TasksFailed;
                }
                return ExitCodes.Success;
            }
            catch (OperationCanceledException) when (cancel.Requested)
            {
                return ExitCodes.Success; // Ctrl+C or SIGTERM: the way to stop a dashboard
            }
            finally
            {
                await ClusterConnection.LeaveAsync(client, settings.Verbose ? console.Error : null).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is UsageException or ArgumentException or ClusterUnreachableException)
        {
            console.Error.WriteLine($"actorproc: {e.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException) when (cancel.Requested)
        {
            return ExitCodes.Cancelled; // stopped before the cluster answered
        }
    }
}
