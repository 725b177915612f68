using Akka.Hosting;
using Akka.Hosting.Logging;

namespace ActorProc.Hosting;

/// <summary>ActorProc in a generic host, through Akka.Hosting.</summary>
public static class ActorProcHostingExtensions
{
    /// <summary>
    /// Adds ActorProc to the actor system Akka.Hosting builds: its HOCON defaults (as a fallback under
    /// everything else the builder adds) and the worker pools registered by <paramref name="configure"/>
    /// or declared in the host's configuration under <c>ActorProc:Pools:&lt;name&gt;</c>, started with the
    /// system; Akka's log (with ActorProc's) goes to the host's <c>ILogger</c> unless the builder's own
    /// <c>ConfigureLoggers</c> says otherwise. A pool's options: <c>actorproc.pool</c> / <c>actorproc.pools.&lt;name&gt;</c> in HOCON, then
    /// <c>ActorProc:Pool</c> / <c>ActorProc:Pools:&lt;name&gt;</c> in the IConfiguration (each more specific
    /// layer over the one before; see the README), then <paramref name="configure"/>'s function over them.
    /// Inject pools with <see cref="ActorProcServiceCollectionExtensions.AddActorProc"/>
    /// (<c>IWorkerPool</c>, <c>[FromKeyedServices("ingest")] IWorkerPool</c>), which also drains them when the
    /// host stops; or get one with <c>system.GetWorkerPool(name)</c> after the host started.
    /// <code>
    /// services.AddAkka("app", (builder, sp) => builder.WithActorProc(pools => pools
    ///     .Add("ingest", o => o with { Workers = 4, MaxRetries = 2 })));
    /// services.AddActorProc();
    /// </code>
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static AkkaConfigurationBuilder WithActorProc(this AkkaConfigurationBuilder builder, Action<WorkerPoolRegistrations>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var registrations = new WorkerPoolRegistrations();
        configure?.Invoke(registrations);
        builder.AddHocon(ActorProcConfig.Defaults, HoconAddMode.Append);
        // Akka's log (and so ActorProc's, which writes to it) goes to the host's ILogger. Appended, i.e. a
        // fallback: a ConfigureLoggers call or akka.loggers set anywhere else on the builder wins.
        builder.AddHocon($"akka.loggers = [{Quote(typeof(LoggerFactoryLogger).AssemblyQualifiedName!)}]", HoconAddMode.Append);
        builder.AddSetup(new ActorProcHostingSetup(registrations));
        builder.AddStartup((system, _) => HostedWorkerPools.For(system).StartDeclared());
        return builder;
    }

    private static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value);
}
