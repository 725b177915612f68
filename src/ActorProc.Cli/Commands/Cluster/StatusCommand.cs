using System.CommandLine;
using System.Globalization;
using ActorProc.Cli.Cluster;
using ActorProc.Cli.Hosting;
using ActorProc.Cli.Output;
using ActorProc.Cluster.Client;

namespace ActorProc.Cli.Commands.Cluster;

/// <summary>
/// <c>actorproc status --cluster host:port [--json]</c>: the members as the cluster sees them (this
/// command's own client member included, role <c>client</c>), the shards each worker holds, and the
/// running jobs with their counts.
/// </summary>
internal static class StatusCommand
{
    public static Command Create(CliConsole console)
    {
        var cluster = new ClusterOptions();
        var command = new Command("status", "Show the cluster: members (address, roles, status, reachable), shards per node, running jobs.");
        cluster.AddTo(command);
        command.SetAction((parse, _) => ShowAsync(cluster.Read(parse), console));
        return command;
    }

    private static async Task<int> ShowAsync(ClusterSettings settings, CliConsole console)
    {
        using var cancel = new CancelSignal(settings.Quiet ? null : console.Error);
        try
        {
            var client = await ClusterConnection.ConnectAsync(settings, cancel.Token).ConfigureAwait(false);
            try
            {
                var status = await client.GetClusterStatusAsync(cancel.Token).ConfigureAwait(false);
                if (settings.Json)
                {
                    console.Out.Flush();
                    ClusterJson.Write(ClusterJson.Status(status), Console.OpenStandardOutput());
                }
                else Print(status, console.Out);
                return ExitCodes.Success;
            }
            finally
            {
                await ClusterConnection.LeaveAsync(client, settings.Verbose ? console.Error : null).ConfigureAwait(false);
            }
        }
        catch (UsageException e)
        {
            console.Error.WriteLine($"actorproc: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (Exception e) when (e is ClusterUnreachableException or TimeoutException)
        {
            console.Error.WriteLine($"actorproc: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException) when (cancel.Requested)
        {
            return ExitCodes.Cancelled;
        }
    }

    /// <summary>Plain columns, one line per member, node and job (easy to read and to grep).</summary>
    private static void Print(ClusterStatus status, TextWriter output)
    {
        output.WriteLine("members:");
        foreach (var m in status.Members)
            output.WriteLine($"  {m.Address}  [{string.Join(",", m.Roles)}]  {m.Status}  {(m.Reachable ? "reachable" : "UNREACHABLE")}");
        output.WriteLine("shards:");
        foreach (var s in status.Shards)
            output.WriteLine($"  {s.Address}  {s.JobShards} job shards ({s.Jobs} live jobs), {s.PartitionShards} partition shards ({s.Partitions} live partitions)");
        output.WriteLine("jobs:");
        if (status.RunningJobs.Count == 0) output.WriteLine("  (none running)");
        foreach (var j in status.RunningJobs)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {j.JobId}  {j.TaskName}  {ClusterJson.State(j.State)}  {j.Succeeded + j.Failed:N0}/{j.Total:N0} done, {j.Failed:N0} failed, {j.Reexecuted:N0} re-executed"));
    }
}
