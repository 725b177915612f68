using ActorProc.Cluster.Client;

namespace ActorProc.Cluster.Hosting;

/// <summary>
/// The hosted application's connection to an ActorProc cluster: one <see cref="ClusterJobClient"/> (a
/// <c>client</c> member with an actor system of its own), connected when the host starts and leaving the
/// cluster when the host has stopped. Inject it where the client is needed before the host has started
/// (a hosted service's constructor) and <c>await connection.GetAsync()</c>; anything resolved after the
/// start can inject <see cref="ClusterJobClient"/> directly.
/// <para>
/// Concurrency contract: any thread. The connection attempt is started once (under a lock that guards
/// only that) and shared by every caller; a failed attempt is not retried, so every caller sees its error.
/// </para>
/// </summary>
public sealed class ClusterJobClientConnection : IAsyncDisposable
{
    private readonly ClusterClientOptions _options;
    private readonly object _gate = new();
    private Task<ClusterJobClient>? _connecting;

    internal ClusterJobClientConnection(ClusterClientOptions options) => _options = options;

    /// <summary>The client once connected, else null.</summary>
    public ClusterJobClient? Connected =>
        _connecting is { IsCompletedSuccessfully: true } connected ? connected.GetAwaiter().GetResult() : null; // completed: does not block

    /// <summary>
    /// The connected client; the first call (normally the host's start) connects through the contact points.
    /// <paramref name="cancellationToken"/> ends this caller's wait, not the shared attempt.
    /// </summary>
    /// <exception cref="ClusterUnreachableException">No contact point answered within the connect timeout; the message names them.</exception>
    /// <exception cref="ArgumentException">A contact point is not <c>host:port</c>.</exception>
    public Task<ClusterJobClient> GetAsync(CancellationToken cancellationToken = default)
    {
        Task<ClusterJobClient> connecting;
        lock (_gate)
        {
            connecting = _connecting ??= ClusterJobClient.ConnectAsync(_options.ContactPoints.ToArray(), _options.ConnectTimeout, _options.Config);
        }
        return connecting.WaitAsync(cancellationToken);
    }

    /// <summary>Leaves the cluster (when connected) and stops the client's actor system.</summary>
    public async ValueTask DisposeAsync()
    {
        Task<ClusterJobClient>? connecting;
        lock (_gate) connecting = _connecting;
        if (connecting is null) return;
        ClusterJobClient client;
        try
        {
            client = await connecting.ConfigureAwait(false);
        }
        catch (Exception)
        {
            return; // never connected: nothing to leave (the attempt's error went to whoever awaited it)
        }
        await client.DisposeAsync().ConfigureAwait(false);
    }
}
