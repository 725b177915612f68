using ActorProc.Cluster.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorProc.Cluster.Hosting;

/// <summary>
/// Connects the cluster client in the host's <em>starting</em> step, before any hosted service's
/// <c>StartAsync</c> (so a background service finds it connected, and an unreachable cluster fails the
/// start with the contact points named), and leaves the cluster in the <em>stopped</em> step, after
/// every hosted service has stopped (so their last requests are answered).
/// </summary>
internal sealed class ClusterClientLifetime(ClusterJobClientConnection connection, ILogger<ClusterClientLifetime> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var client = await connection.GetAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Connected to the ActorProc cluster as {Address}", Akka.Cluster.Cluster.Get(client.System).SelfAddress);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken) => await connection.DisposeAsync().ConfigureAwait(false);
}
