namespace ActorProc.Core.Actors;

/// <summary>
/// Applies <c>actorproc.actor.deployment</c> blocks to props at spawn time. A block is keyed by the
/// actor's path below <c>/user</c> (e.g. <c>"/workers"</c> or <c>"/jobs/workers"</c>, with <c>*</c>
/// matching one element) and may set <c>dispatcher</c>, <c>mailbox</c> and a router
/// (<c>router</c>, <c>nr-of-instances</c>, ...); config overrides what the code's props say.
/// Concurrency contract: immutable after construction; safe from any thread.
/// </summary>
internal sealed class Deployer
{
    private readonly Dictionary<string, Config> _exact = new(StringComparer.Ordinal);
    private readonly List<(string[] Pattern, Config Block)> _wildcards = [];

    /// <summary>Defaults for the router keys a deployment block leaves out (<c>actorproc.actor.router-defaults</c>).</summary>
    private readonly Config _routerDefaults;

    public Deployer(Config config)
    {
        _routerDefaults = config.GetConfig("actorproc.actor.router-defaults");
        var deployment = config.GetConfig("actorproc.actor.deployment");
        foreach (var key in deployment.Keys)
        {
            if (!key.StartsWith('/'))
                throw new ConfigurationException($"actorproc.actor.deployment: key '{key}' must be an actor path below /user starting with '/', e.g. \"/workers\".");
            var block = deployment.GetConfigByKey(key);
            if (key.Contains('*')) _wildcards.Add((key.Split('/', StringSplitOptions.RemoveEmptyEntries), block));
            else _exact[key] = block;
        }
    }

    /// <summary>The props with the deployment for <paramref name="path"/> applied (the same instance when there is none).</summary>
    public Props Apply(Props props, ActorPath path)
    {
        if (_exact.Count == 0 && _wildcards.Count == 0) return props;
        var block = Find(path);
        if (block is null) return props;
        if (block.HasPath("dispatcher")) props = props.WithDispatcher(block.GetString("dispatcher"));
        if (block.HasPath("mailbox")) props = props.WithMailbox(block.GetString("mailbox"));
        if (block.HasPath("router"))
        {
            var router = RouterDeployment.FromConfig(block, _routerDefaults, block.RootPath, props.Router);
            props = router is null ? props with { Router = null } : props.WithRouter(router);
        }
        return props;
    }

    /// <summary>The deployment block for the path, exact keys first, then wildcard patterns.</summary>
    public Config? Find(ActorPath path)
    {
        var elements = path.Elements;
        if (elements.Count < 2 || elements[0] != "user") return null;
        var relative = UserRelative(path);
        if (_exact.TryGetValue(relative, out var exact)) return exact;
        foreach (var (pattern, block) in _wildcards)
        {
            if (pattern.Length != elements.Count - 1) continue;
            var match = true;
            for (var i = 0; i < pattern.Length && match; i++)
                match = pattern[i] == "*" || pattern[i] == elements[i + 1];
            if (match) return block;
        }
        return null;
    }

    private static string UserRelative(ActorPath path)
    {
        var full = path.ToStringWithoutAddress();
        return full.StartsWith("/user/", StringComparison.Ordinal) ? full["/user".Length..] : full;
    }
}
