using ActorProc.Cluster.Client;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ActorProc.Cluster.Hosting;

/// <summary>A hosted application as a client of an ActorProc cluster.</summary>
public static class ActorProcClusterServiceCollectionExtensions
{
    /// <summary>The configuration section of the client's settings.</summary>
    public const string Section = "ActorProc:Cluster";

    /// <summary>
    /// Registers a <see cref="ClusterJobClient"/> for the cluster named by <c>ActorProc:Cluster:ContactPoints</c>
    /// (an array, or one string of <c>host:port</c> separated by commas) and <c>ActorProc:Cluster:ConnectTimeout</c>
    /// in the host's configuration, changed by <paramref name="configure"/>. The host's start connects it (and
    /// fails, naming the contact points, when no node answers within the timeout); it leaves the cluster once
    /// the host has stopped. Injectable as <see cref="ClusterJobClient"/> (after the start) and as
    /// <see cref="ClusterJobClientConnection"/> (any time: <c>await connection.GetAsync()</c>).
    /// <code>
    /// services.AddActorProcClusterClient();   // "ActorProc": { "Cluster": { "ContactPoints": [ "10.0.0.5:4053" ] } }
    /// </code>
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddActorProcClusterClient(this IServiceCollection services, Action<ClusterClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(sp => new ClusterJobClientConnection(Options(sp.GetService<IConfiguration>(), configure)));
        services.TryAddSingleton(sp => sp.GetRequiredService<ClusterJobClientConnection>().Connected
            ?? throw new InvalidOperationException(
                "The ActorProc cluster client connects when the host starts: inject ClusterJobClientConnection and await GetAsync() in code that runs before that (e.g. a hosted service's constructor)."));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ClusterClientLifetime>());
        return services;
    }

    /// <exception cref="InvalidOperationException">A setting is missing or malformed; the message names its key.</exception>
    private static ClusterClientOptions Options(IConfiguration? configuration, Action<ClusterClientOptions>? configure)
    {
        var options = new ClusterClientOptions();
        var section = configuration?.GetSection(Section);
        if (section is not null)
        {
            var contactPoints = section.GetSection("ContactPoints");
            var listed = contactPoints.Value is { } joined
                ? joined.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : contactPoints.GetChildren().Select(c => c.Value).OfType<string>().ToArray();
            if (listed.Length > 0) options.ContactPoints = [.. listed];
            if (section["ConnectTimeout"] is { } timeout)
            {
                options.ConnectTimeout = TimeSpan.TryParse(timeout, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero
                    ? span
                    : throw new InvalidOperationException($"{Section}:ConnectTimeout = \"{timeout}\": expected a duration > 0 such as 00:00:15.");
            }
        }
        configure?.Invoke(options);
        if (options.ContactPoints.Count == 0)
            throw new InvalidOperationException($"No contact point for the ActorProc cluster client: set {Section}:ContactPoints (host:port of a node) or ClusterClientOptions.ContactPoints.");
        return options;
    }
}
