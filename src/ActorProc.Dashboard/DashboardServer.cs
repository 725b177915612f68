using System.Net;
using ActorProc.Cluster.Client;
using ActorProc.Dashboard.Sampling;
using ActorProc.Dashboard.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorProc.Dashboard;

/// <summary>
/// The live cluster dashboard: a web page that shows the members (status, reachability), the shards of
/// each worker, the running and recent jobs with progress bars, the throughput over the last minutes and
/// the latest failed tasks, updated about once a second over server-sent events (no page reloads). It
/// sees the cluster through a <see cref="ClusterJobClient"/>: a node's own (<c>actorproc node
/// --dashboard-port</c>) or a client member's (<c>actorproc dashboard --cluster</c>).
/// <para>
/// Routes: <c>/</c> (the page), <c>/api/snapshot</c> (the latest snapshot as JSON),
/// <c>/api/events</c> (the stream). It listens on 127.0.0.1 unless told otherwise; on any other address
/// it needs a token (see <see cref="DashboardOptions.Token"/>).
/// </para>
/// <para>Concurrency contract: start once, dispose once; <see cref="Address"/> may be read from any thread.</para>
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ClusterSampler _sampler;

    private DashboardServer(WebApplication app, ClusterSampler sampler, Uri address)
    {
        _app = app;
        _sampler = sampler;
        Address = address;
    }

    /// <summary>The page's address, e.g. <c>http://127.0.0.1:8080/</c> (with the real port when 0 was asked for).</summary>
    public Uri Address { get; }

    /// <summary>Starts sampling the cluster and listening; returns once the port is open.</summary>
    /// <param name="client">The client to sample the cluster through; it stays the caller's (not disposed here).</param>
    /// <param name="options">Where to listen, the token, the sample interval.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="ArgumentException">An option is invalid (see <see cref="DashboardOptions.Validate"/>), or the host is neither an IP address nor <c>localhost</c>.</exception>
    /// <exception cref="DashboardPortInUseException">The port is taken (the message names it).</exception>
    public static async Task<DashboardServer> StartAsync(ClusterJobClient client, DashboardOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var ip = ListenAddress(options.Host);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ApplicationName = typeof(DashboardServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders(); // the host's own log lines would mix into the node's stderr
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(ip, options.Port));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var app = builder.Build();
        app.Use(DashboardEndpoints.SecurityHeadersAsync);
        if (options.Token is { } token) app.Use(new TokenGate(token).InvokeAsync);

        var sampler = new ClusterSampler(client, options.SampleInterval, options.ThroughputWindow);
        DashboardEndpoints.Map(app, sampler, app.Lifetime.ApplicationStopping);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            await sampler.DisposeAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            throw new DashboardPortInUseException(options.Host, options.Port, e);
        }
        catch
        {
            await sampler.DisposeAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(bound).Port;
        var host = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip.ToString();
        return new DashboardServer(app, sampler, new Uri($"http://{host}:{port}/"));
    }

    /// <summary>Stops listening (open event streams end) and stops sampling.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _sampler.DisposeAsync().ConfigureAwait(false);
    }

    private static IPAddress ListenAddress(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return IPAddress.Loopback;
        if (IPAddress.TryParse(host, out var ip)) return ip;
        throw new ArgumentException($"The dashboard host '{host}' is not an IP address: give one (0.0.0.0 = every IPv4 interface, :: = every interface) or localhost.");
    }
}
