using ActorProc.Cli.Hosting;
using ActorProc.Cluster.Client;

namespace ActorProc.Cli.Commands.Cluster;

/// <summary>Joins the cluster as a client member for one command, and leaves it again.</summary>
internal static class ClusterConnection
{
    /// <summary>How long leaving may take before the process just exits (the nodes then down the client by themselves).</summary>
    private static readonly TimeSpan LeaveTimeout = TimeSpan.FromSeconds(5);

    /// <exception cref="UsageException">A contact point is not host:port, or the --config file is unusable.</exception>
    /// <exception cref="ClusterUnreachableException">No contact point answered in time (the message names them).</exception>
    public static async Task<ClusterJobClient> ConnectAsync(ClusterSettings settings, CancellationToken cancellationToken)
    {
        // The client's own log is noise to a user (associations to a node that just died); --verbose shows its warnings.
        var config = ConfigurationFactory.ParseString(settings.Verbose ? "akka.loglevel = WARNING" : "akka { loglevel = ERROR, stdout-loglevel = OFF }");
        if (settings.ConfigFile is { } file) config = ConfigFile.Load(file).WithFallback(config);
        var environment = EnvironmentOverrides.Read();
        if (!environment.IsEmpty) config = environment.WithFallback(config);
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var client = await ClusterJobClient.ConnectAsync(settings.ContactPoints, settings.ConnectTimeout, config, cancellationToken).ConfigureAwait(false);
            if (settings.Verbose) Console.Error.WriteLine($"actorproc: joined the cluster as {Akka.Cluster.Cluster.Get(client.System).SelfAddress} in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0.00} s");
            return client;
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--cluster: {e.Message}");
        }
    }

    /// <summary>Leaves gracefully, but never holds the exit for long.</summary>
    public static async Task LeaveAsync(ClusterJobClient client, TextWriter? log)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var leaving = client.DisposeAsync().AsTask();
        await Task.WhenAny(leaving, Task.Delay(LeaveTimeout)).ConfigureAwait(false);
        log?.WriteLine($"actorproc: {(leaving.IsCompleted ? "left the cluster" : "stopped waiting to leave the cluster")} after {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0.00} s");
    }
}
