namespace ActorProc.Core.Routing;

/// <summary>Builds the router actor, its state and its ref for <see cref="RouterConfig.CreateRouter"/>.</summary>
internal static class RouterFactory
{
    /// <summary>
    /// Builds an unstarted router under <paramref name="parent"/>. Everything that can fail for a configuration
    /// reason (unknown dispatcher or mailbox ids) is looked up here, before any actor exists.
    /// </summary>
    public static RoutedActorRef Create(ActorCell parent, RouterConfig config, Props routeeProps, string name)
    {
        var system = parent.System;
        var path = parent.Self.Path.Child(name);
        if (config is Pool pool)
        {
            if (pool.RouteeDispatcher is { } routeeDispatcher) routeeProps = routeeProps.WithDispatcher(routeeDispatcher);
            system.Dispatchers.Lookup(routeeProps.Dispatcher ?? system.Settings.DefaultDispatcherId);
            system.Mailboxes.Create(routeeProps.Mailbox, path);
        }
        var state = new RouterState(system, config, routeeProps);
        var routerProps = Props.Create(() => new RouterActor(state));
        if (config is Pool supervising) routerProps = routerProps.WithSupervisorStrategy(supervising.EffectiveSupervisorStrategy);
        var dispatcher = system.Dispatchers.Lookup(config.RouterDispatcher ?? system.Settings.DefaultDispatcherId);
        var cell = new ActorCell(system, routerProps, parent.Self, path, system.Mailboxes.Create(null, path), dispatcher);
        var routerRef = new RoutedActorRef(path, cell, state);
        state.Self = routerRef;
        return routerRef;
    }

    /// <summary>The members of a group: one <see cref="GroupRoutee"/> per configured path.</summary>
    public static IActorRef[] ResolveGroup(RouterState router)
    {
        var paths = ((Group)router.Config).Paths;
        var routees = new IActorRef[paths.Count];
        for (var i = 0; i < routees.Length; i++) routees[i] = new GroupRoutee(router.System, paths[i]);
        return routees;
    }
}
