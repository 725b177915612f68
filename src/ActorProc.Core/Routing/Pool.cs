namespace ActorProc.Core.Routing;

/// <summary>
/// A router that creates its routees as children of the router actor, from the props given to <c>ActorOf</c>,
/// named <c>$a</c>, <c>$b</c>, ... The router supervises them with <see cref="SupervisorStrategy"/>
/// (default <see cref="DefaultSupervisorStrategy"/>: a failing routee is restarted and routing goes on).
/// A pool stops itself when its last routee has terminated (e.g. after <c>Broadcast(PoisonPill.Instance)</c>),
/// unless it has a <see cref="Resizer"/>.
/// </summary>
public abstract record Pool : RouterConfig
{
    private protected Pool(int nrOfInstances)
    {
        if (nrOfInstances < 1)
            throw new ArgumentOutOfRangeException(nameof(nrOfInstances), nrOfInstances, "A pool needs at least one routee.");
        NrOfInstances = nrOfInstances;
    }

    /// <summary>
    /// The default strategy for routees: one-for-one, restart on any exception, stop on
    /// <see cref="ActorInitializationException"/>, <see cref="ActorKilledException"/> and
    /// <see cref="DeathPactException"/> (<see cref="Supervision.SupervisorStrategy.DefaultStrategy"/>). This is
    /// Akka.NET's choice since 1.4.48; older Akka versions escalated, which restarted the whole pool on any
    /// routee failure. Use <c>WithSupervisorStrategy</c> for another policy (escalating is possible, too).
    /// </summary>
    public static Supervision.SupervisorStrategy DefaultSupervisorStrategy => Supervision.SupervisorStrategy.DefaultStrategy;

    /// <summary>The number of routees created at start (at least 1).</summary>
    public int NrOfInstances { get; }

    /// <summary>An optional resizer that grows the pool under pressure and shrinks it when idle; null = fixed size.</summary>
    public Resizer? Resizer { get; init; }

    /// <summary>How the router supervises its routees; null = <see cref="DefaultSupervisorStrategy"/>.</summary>
    public Supervision.SupervisorStrategy? SupervisorStrategy { get; init; }

    /// <summary>
    /// The dispatcher id for the routees, overriding the one in the routee props; null = keep the props'.
    /// The HOCON <c>pool-dispatcher { ... }</c> and <c>routee-dispatcher</c> keys set it.
    /// </summary>
    public string? RouteeDispatcher { get; init; }

    /// <summary>A copy that supervises its routees with <paramref name="strategy"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="strategy"/> is null.</exception>
    public Pool WithSupervisorStrategy(Supervision.SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return this with { SupervisorStrategy = strategy };
    }

    /// <summary>A copy with the given resizer (e.g. <c>new DefaultResizer(2, 16)</c>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="resizer"/> is null.</exception>
    public Pool WithResizer(Resizer resizer)
    {
        ArgumentNullException.ThrowIfNull(resizer);
        return this with { Resizer = resizer };
    }

    /// <summary>A copy whose routees run on the dispatcher with id <paramref name="dispatcherId"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="dispatcherId"/> is empty.</exception>
    public Pool WithRouteeDispatcher(string dispatcherId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dispatcherId);
        return this with { RouteeDispatcher = dispatcherId };
    }

    internal Supervision.SupervisorStrategy EffectiveSupervisorStrategy => SupervisorStrategy ?? DefaultSupervisorStrategy;
}
