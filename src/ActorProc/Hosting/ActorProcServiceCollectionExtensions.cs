using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ActorProc.Hosting;

/// <summary>ActorProc's services in a generic host's container.</summary>
public static class ActorProcServiceCollectionExtensions
{
    /// <summary>
    /// Registers ActorProc's services over the actor system of <c>services.AddAkka(...)</c>:
    /// <list type="bullet">
    /// <item><see cref="IWorkerPool"/>: the pool named <c>default</c>; keyed by name
    /// (<c>[FromKeyedServices("ingest")] IWorkerPool</c>, <c>GetRequiredKeyedService&lt;IWorkerPool&gt;("ingest")</c>):
    /// any pool registered with <c>WithActorProc</c> or declared in the configuration
    /// (<c>ActorProc:Pools:&lt;name&gt;</c>) or in HOCON (<c>actorproc.pools.&lt;name&gt;</c>). An unknown name
    /// throws <see cref="InvalidOperationException"/> listing the known ones. Singletons; a pool is created
    /// with its full options on first resolution (also before the host starts).</item>
    /// <item>A drain on stop: when the host stops, before any hosted service stops (so before Akka's
    /// CoordinatedShutdown), every pool of the system stops taking work and its running jobs may finish
    /// until the pool's <see cref="WorkerPoolOptions.DrainTimeout"/> or the host's shutdown timeout
    /// (<c>HostOptions.ShutdownTimeout</c>, 30 s by default) passes, whichever is first; jobs still running
    /// then are cancelled (their unfinished tasks reported <see cref="TaskOutcome.Cancelled"/>) and a warning
    /// says how many per pool.</item>
    /// </list>
    /// Call it at registration time, next to <c>AddAkka</c>: Akka.Hosting runs the <c>AddAkka</c> callback
    /// (where <c>WithActorProc</c> is) only when the actor system is created, after the container is built,
    /// too late to add services. Calling it more than once is harmless.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddActorProc(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IWorkerPool>(sp => HostedWorkerPools.For(sp.GetRequiredService<ActorSystem>()).Get(HostedWorkerPools.DefaultPool));
        services.TryAddKeyedSingleton<IWorkerPool>(KeyedService.AnyKey, (sp, key) => key switch
        {
            string name => HostedWorkerPools.For(sp.GetRequiredService<ActorSystem>()).Get(name),
            _ => throw new InvalidOperationException($"Worker pools are keyed by name (a string); got the key {key ?? "null"} of type {key?.GetType().Name ?? "null"}."),
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WorkerPoolDrain>());
        return services;
    }
}
