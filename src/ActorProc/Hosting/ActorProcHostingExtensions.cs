using Akka.Hosting;

namespace ActorProc.Hosting;

/// <summary>ActorProc in a generic host, through Akka.Hosting.</summary>
public static class ActorProcHostingExtensions
{
    /// <summary>
    /// Adds ActorProc to the actor system Akka.Hosting builds: its HOCON defaults (as a fallback under
    /// everything else the builder adds) and the worker pools registered by <paramref name="configure"/>,
    /// started with the system and drained by its CoordinatedShutdown when the host stops. Get a pool
    /// with <c>system.GetWorkerPool(name)</c>.
    /// <code>
    /// services.AddAkka("app", builder => builder.WithActorProc(pools => pools
    ///     .Add("ingest", o => o with { Workers = 4, MaxRetries = 2 })));
    /// </code>
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static AkkaConfigurationBuilder WithActorProc(this AkkaConfigurationBuilder builder, Action<WorkerPoolRegistrations>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var registrations = new WorkerPoolRegistrations();
        configure?.Invoke(registrations);
        builder.AddHocon(ActorProcConfig.Defaults, HoconAddMode.Append);
        builder.AddStartup((system, _) =>
        {
            var pools = WorkerPools.For(system);
            foreach (var (name, options) in registrations.All) pools.Add(name, options);
        });
        return builder;
    }
}
