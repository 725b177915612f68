namespace ActorProc.Core.Actors;

/// <summary>
/// An immutable recipe for creating an actor: how to construct it, on which dispatcher and mailbox
/// it runs, which router (if any) fronts it, and how it supervises its children. Props are values:
/// the <c>With…</c> methods return modified copies, so one Props can be reused for many actors.
/// </summary>
public sealed record Props
{
    private Props(Type actorType, Func<ActorBase> factory)
    {
        ActorType = actorType;
        Factory = factory;
    }

    /// <summary>The type of actor these props create.</summary>
    public Type ActorType { get; }

    /// <summary>Creates a new instance of the actor (called on the actor's thread, at start and at every restart).</summary>
    internal Func<ActorBase> Factory { get; }

    /// <summary>The dispatcher id (a config path such as <c>actorproc.actor.cpu-dispatcher</c>, or an alias <c>default</c>, <c>cpu</c>, <c>pinned</c>, <c>calling-thread</c>); null = the system's default.</summary>
    public string? Dispatcher { get; init; }

    /// <summary>The mailbox id (a config path such as <c>actorproc.actor.bounded-mailbox</c>, or a registered id); null = the default mailbox.</summary>
    public string? Mailbox { get; init; }

    /// <summary>The router in front of the actor, or null for a plain actor.</summary>
    public RouterConfig? Router { get; init; }

    /// <summary>Where the actor is deployed (local by default); remote scopes come with ActorProc.Remote.</summary>
    public Deploy? Deploy { get; init; }

    /// <summary>The strategy applied to the actor's children; overrides the actor's own <c>SupervisorStrategy()</c>.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; init; }

    /// <summary>Props for an actor with a parameterless constructor.</summary>
    public static Props Create<TActor>() where TActor : ActorBase, new() => new(typeof(TActor), static () => new TActor());

    /// <summary>Props for an actor built by <paramref name="factory"/>, e.g. <c>Props.Create(() => new Worker(id))</c>. The factory runs at start and at each restart, so it must return a new instance every time.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="factory"/> is null.</exception>
    public static Props Create<TActor>(Func<TActor> factory) where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(typeof(TActor), factory);
    }

    /// <summary>Props that run the actor on the dispatcher with the given id.</summary>
    /// <exception cref="ArgumentException"><paramref name="dispatcherId"/> is empty.</exception>
    public Props WithDispatcher(string dispatcherId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dispatcherId);
        return this with { Dispatcher = dispatcherId };
    }

    /// <summary>Props that give the actor the mailbox with the given id.</summary>
    /// <exception cref="ArgumentException"><paramref name="mailboxId"/> is empty.</exception>
    public Props WithMailbox(string mailboxId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mailboxId);
        return this with { Mailbox = mailboxId };
    }

    /// <summary>Props whose actor is fronted by a router (a pool of routees created from these props, or a group of existing actors). A deployment block in config for the actor's path overrides it.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="router"/> is null.</exception>
    public Props WithRouter(RouterConfig router)
    {
        ArgumentNullException.ThrowIfNull(router);
        return this with { Router = router };
    }

    /// <summary>Props with the given deployment (e.g. a remote scope).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="deploy"/> is null.</exception>
    public Props WithDeploy(Deploy deploy)
    {
        ArgumentNullException.ThrowIfNull(deploy);
        return this with { Deploy = deploy };
    }

    /// <summary>Props whose actor supervises its children with <paramref name="strategy"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="strategy"/> is null.</exception>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return this with { SupervisorStrategy = strategy };
    }

    /// <inheritdoc />
    public override string ToString() => $"Props({ActorType.Name}, dispatcher={Dispatcher ?? "default"}, mailbox={Mailbox ?? "default"}{(Router is null ? "" : ", router=" + Router)})";
}
