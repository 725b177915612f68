using System.Net;
using System.Net.Sockets;
using ActorProc.Metrics;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace ActorProc.Cli.Hosting;

/// <summary>
/// <c>actorproc node --metrics-port P</c>: serves every instrument of the <see cref="ActorProcMetrics.MeterName"/>
/// meter (pools and cluster) at <c>http://HOST:P/metrics</c> in Prometheus' text format, through
/// OpenTelemetry's own Prometheus exporter (a MeterProvider with an HttpListener), so the series are
/// exactly what any other OpenTelemetry pipeline would export.
/// <para>
/// Concurrency contract: created and disposed by the node command's thread; the exporter's listener
/// answers scrapes on its own threads and reads the instruments, which are thread-safe.
/// </para>
/// </summary>
internal sealed class MetricsEndpoint : IDisposable
{
    private readonly MeterProvider _provider;

    private MetricsEndpoint(MeterProvider provider, Uri url)
    {
        _provider = provider;
        Url = url;
    }

    /// <summary>Where the metrics are served (<c>http://HOST:PORT/metrics</c>).</summary>
    public Uri Url { get; }

    /// <summary>Starts serving on <paramref name="host"/>:<paramref name="port"/>.</summary>
    /// <exception cref="UsageException">The port is in use or the host cannot be bound; the message names them.</exception>
    public static MetricsEndpoint Start(string host, int port)
    {
        var prefix = $"http://{(host.Contains(':') && !host.StartsWith('[') ? $"[{host}]" : host)}:{port}/";
        EnsureFree(host, port);
        try
        {
            var provider = Sdk.CreateMeterProviderBuilder()
                .AddMeter(ActorProcMetrics.MeterName)
                .AddPrometheusHttpListener(options =>
                {
                    options.Host = host;
                    options.Port = port;
                })
                .Build();
            return new MetricsEndpoint(provider, new Uri(prefix + "metrics"));
        }
        catch (Exception e) when (e is HttpListenerException or InvalidOperationException or SocketException)
        {
            throw new UsageException($"--metrics-port {port}: cannot serve metrics on {host}:{port}: {(e.InnerException ?? e).Message}");
        }
    }

    public void Dispose() => _provider.Dispose();

    /// <summary>
    /// Fails with a clear message when something listens on the port already. HttpListener would fail
    /// too, but with an error that names neither the flag nor the port.
    /// </summary>
    private static void EnsureFree(string host, int port)
    {
        IPAddress address;
        if (!IPAddress.TryParse(host, out address!))
        {
            try
            {
                address = Dns.GetHostAddresses(host).FirstOrDefault() ?? throw new UsageException($"--metrics-host {host}: the name resolves to no address.");
            }
            catch (SocketException e)
            {
                throw new UsageException($"--metrics-host {host}: cannot resolve it ({e.Message}).");
            }
        }
        try
        {
            using var probe = new TcpListener(address, port);
            probe.Start();
            probe.Stop();
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new UsageException($"--metrics-port {port}: port {port} on {host} is already in use by another process; choose another metrics port.");
        }
        catch (SocketException e)
        {
            throw new UsageException($"--metrics-port {port}: cannot listen on {host}:{port} ({e.Message}).");
        }
    }
}
