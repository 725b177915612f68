namespace ActorProc.Core.Routing;

/// <summary>
/// Builds a <see cref="RouterConfig"/> from a deployment block (<c>router = round-robin-pool</c>,
/// <c>nr-of-instances = 8</c>, ...). Keys the block leaves out come from <c>actorproc.actor.router-defaults</c>.
/// The configured router replaces the one given in code; from the code's router it keeps what config cannot
/// express or did not set: the supervisor strategy, the hash mapping, a resizer (when config enables none),
/// and the dispatchers. Each option is checked by its own small function that names the full key on error.
/// </summary>
internal static class RouterDeployment
{
    private const string KnownTypes =
        "from-code, round-robin-pool, round-robin-group, random-pool, random-group, smallest-mailbox-pool, broadcast-pool, broadcast-group, " +
        "consistent-hashing-pool, consistent-hashing-group, scatter-gather-pool, scatter-gather-group, tail-chopping-pool, tail-chopping-group";

    /// <summary>
    /// The router described by <paramref name="block"/>; <c>router = from-code</c> keeps <paramref name="fromCode"/>.
    /// </summary>
    /// <param name="block">The deployment block.</param>
    /// <param name="defaults">The <c>actorproc.actor.router-defaults</c> block.</param>
    /// <param name="path">The block's full config path (errors name it; a pool-dispatcher's id is derived from it).</param>
    /// <param name="fromCode">The router of the props, if any.</param>
    /// <exception cref="ActorConfigurationException">An unknown router type or an invalid setting; the message names the key.</exception>
    public static RouterConfig? FromConfig(Config block, Config defaults, string path, RouterConfig? fromCode)
    {
        var type = block.GetString("router");
        if (type == "from-code") return fromCode;
        var settings = block.WithFallback(defaults);
        RouterConfig router = type switch
        {
            "round-robin-pool" => Pool(block, settings, path, n => new RoundRobinPool(n)),
            "round-robin-group" => new RoundRobinGroup(Paths(settings, path)),
            "random-pool" => Pool(block, settings, path, n => new RandomPool(n)),
            "random-group" => new RandomGroup(Paths(settings, path)),
            "smallest-mailbox-pool" => Pool(block, settings, path, n => new SmallestMailboxPool(n)),
            "broadcast-pool" => Pool(block, settings, path, n => new BroadcastPool(n)),
            "broadcast-group" => new BroadcastGroup(Paths(settings, path)),
            "consistent-hashing-pool" => Pool(block, settings, path, n => new ConsistentHashingPool(n) { VirtualNodesFactor = VirtualNodes(settings, path) }),
            "consistent-hashing-group" => new ConsistentHashingGroup(Paths(settings, path)) { VirtualNodesFactor = VirtualNodes(settings, path) },
            "scatter-gather-pool" => Pool(block, settings, path, n => new ScatterGatherFirstCompletedPool(n, Within(settings, path))),
            "scatter-gather-group" => new ScatterGatherFirstCompletedGroup(Paths(settings, path), Within(settings, path)),
            "tail-chopping-pool" => Pool(block, settings, path, n => new TailChoppingPool(n, Within(settings, path), Interval(settings, path))),
            "tail-chopping-group" => new TailChoppingGroup(Paths(settings, path), Within(settings, path), Interval(settings, path)),
            _ => throw new ActorConfigurationException($"{path}.router: '{type}' is not a known router type; expected one of {KnownTypes}."),
        };
        router = router with { RouterDispatcher = OptionalId(settings, "router-dispatcher") ?? fromCode?.RouterDispatcher };
        return InheritFromCode(router, fromCode);
    }

    private static Pool Pool(Config block, Config settings, string path, Func<int, Pool> create) =>
        create(NrOfInstances(settings, path)) with
        {
            Resizer = Resizer(settings, path),
            RouteeDispatcher = RouteeDispatcher(block, settings, path),
        };

    private static RouterConfig InheritFromCode(RouterConfig router, RouterConfig? code)
    {
        if (router is Pool pool && code is Pool codePool)
        {
            router = pool with
            {
                SupervisorStrategy = codePool.SupervisorStrategy,
                Resizer = pool.Resizer ?? codePool.Resizer,
                RouteeDispatcher = pool.RouteeDispatcher ?? codePool.RouteeDispatcher,
            };
        }
        var mapping = code switch
        {
            ConsistentHashingPool p => p.HashMapping,
            ConsistentHashingGroup g => g.HashMapping,
            _ => null,
        };
        return router switch
        {
            ConsistentHashingPool p when p.HashMapping is null => p with { HashMapping = mapping },
            ConsistentHashingGroup g when g.HashMapping is null => g with { HashMapping = mapping },
            _ => router,
        };
    }

    private static int NrOfInstances(Config settings, string path)
    {
        var n = settings.GetInt("nr-of-instances");
        return n >= 1 ? n : throw new ActorConfigurationException($"{path}.nr-of-instances: must be at least 1 (got {n}).");
    }

    private static IReadOnlyList<string> Paths(Config settings, string path)
    {
        var paths = settings.GetStringList("routees.paths");
        if (paths.Count == 0)
            throw new ActorConfigurationException($"{path}.routees.paths: a group router needs at least one routee path, e.g. routees.paths = [\"/user/worker1\"].");
        foreach (var p in paths)
            if (!(p.StartsWith('/') || p.Contains("://", StringComparison.Ordinal)))
                throw new ActorConfigurationException($"{path}.routees.paths: '{p}' is not an absolute actor path (it must start with '/', e.g. \"/user/worker1\").");
        return paths;
    }

    private static TimeSpan Within(Config settings, string path) => PositiveDuration(settings, path, "within");

    private static TimeSpan Interval(Config settings, string path) => PositiveDuration(settings, path, "tail-chopping-router.interval");

    private static int VirtualNodes(Config settings, string path) => IntAtLeast(settings, path, "virtual-nodes-factor", 1);

    /// <summary>The routees' dispatcher: an inline <c>pool-dispatcher</c> block wins over <c>routee-dispatcher</c>.</summary>
    private static string? RouteeDispatcher(Config block, Config settings, string path)
    {
        if (block.HasPath("pool-dispatcher"))
        {
            if (!block.HasPath("pool-dispatcher.type"))
                throw new ActorConfigurationException($"{path}.pool-dispatcher.type: a pool-dispatcher block must set type (thread-pool, dedicated-threads, pinned or calling-thread).");
            return path + ".pool-dispatcher";
        }
        return OptionalId(settings, "routee-dispatcher");
    }

    private static Resizer? Resizer(Config settings, string path)
    {
        if (!settings.GetBoolean("resizer.enabled")) return null;
        var lower = IntAtLeast(settings, path, "resizer.lower-bound", 0);
        var upper = IntAtLeast(settings, path, "resizer.upper-bound", Math.Max(1, lower));
        return new DefaultResizer(
            lower,
            upper,
            IntAtLeast(settings, path, "resizer.pressure-threshold", 0),
            DoubleIn(settings, path, "resizer.rampup-rate", 0, double.MaxValue),
            DoubleIn(settings, path, "resizer.backoff-threshold", 0, 1),
            DoubleIn(settings, path, "resizer.backoff-rate", 0, double.MaxValue),
            IntAtLeast(settings, path, "resizer.messages-per-resize", 1));
    }

    private static string? OptionalId(Config settings, string key)
    {
        var id = settings.GetString(key);
        return string.IsNullOrWhiteSpace(id) ? null : id;
    }

    private static int IntAtLeast(Config settings, string path, string key, int min)
    {
        var value = settings.GetInt(key);
        return value >= min ? value : throw new ActorConfigurationException($"{path}.{key}: must be at least {min} (got {value}).");
    }

    private static double DoubleIn(Config settings, string path, string key, double min, double max)
    {
        var value = settings.GetDouble(key);
        if (value >= min && value <= max) return value;
        var range = max == double.MaxValue ? $"at least {min}" : $"between {min} and {max}";
        throw new ActorConfigurationException($"{path}.{key}: must be {range} (got {value}).");
    }

    private static TimeSpan PositiveDuration(Config settings, string path, string key)
    {
        var value = settings.GetTimeSpan(key);
        return value > TimeSpan.Zero && value != Timeout.InfiniteTimeSpan
            ? value
            : throw new ActorConfigurationException($"{path}.{key}: must be a positive, finite duration (got {value}).");
    }
}
