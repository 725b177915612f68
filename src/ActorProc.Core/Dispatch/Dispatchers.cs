using System.Collections.Concurrent;

namespace ActorProc.Core.Dispatch;

/// <summary>
/// The dispatchers of an actor system, by id. An id is the config path of the dispatcher's settings
/// (e.g. <c>actorproc.actor.cpu-dispatcher</c> or a user-defined <c>my-app.io-dispatcher</c>); the
/// built-in ones also have the short aliases <c>default</c>, <c>cpu</c>, <c>pinned</c> and
/// <c>calling-thread</c>. Each dispatcher is created once, on first use.
/// </summary>
public sealed class Dispatchers
{
    /// <summary>The .NET ThreadPool dispatcher used when Props name none.</summary>
    public const string DefaultDispatcherId = "actorproc.actor.default-dispatcher";

    /// <summary>Dedicated threads sized to the cores, for CPU-bound actors.</summary>
    public const string CpuDispatcherId = "actorproc.actor.cpu-dispatcher";

    /// <summary>One thread per actor, for actors that block.</summary>
    public const string PinnedDispatcherId = "actorproc.actor.pinned-dispatcher";

    /// <summary>Runs actors on the sender's thread, for deterministic tests.</summary>
    public const string CallingThreadDispatcherId = "actorproc.actor.calling-thread-dispatcher";

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["default"] = DefaultDispatcherId,
        ["cpu"] = CpuDispatcherId,
        ["pinned"] = PinnedDispatcherId,
        ["calling-thread"] = CallingThreadDispatcherId,
    };

    private readonly ActorSystem _system;
    private readonly ConcurrentDictionary<string, Lazy<MessageDispatcher>> _dispatchers = new();

    /// <summary>The default dispatcher once created (a benign race: every thread stores the same instance).</summary>
    private MessageDispatcher? _default;

    internal Dispatchers(ActorSystem system) => _system = system;

    /// <summary>Returns the dispatcher with the given id or alias, creating it from config on first use.</summary>
    /// <exception cref="ActorConfigurationException">No dispatcher is configured under that id, or its settings are invalid.</exception>
    public MessageDispatcher Lookup(string id)
    {
        // Spawning an actor looks up its dispatcher, so the default one is kept at hand.
        if (ReferenceEquals(id, DefaultDispatcherId) && _default is { } cached) return cached;
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var fullId = Aliases.GetValueOrDefault(id, id);
        if (!_dispatchers.TryGetValue(fullId, out var lazy))
            lazy = _dispatchers.GetOrAdd(fullId, key => new Lazy<MessageDispatcher>(() => Create(key)));
        var dispatcher = lazy.Value;
        if (fullId == DefaultDispatcherId) _default = dispatcher;
        return dispatcher;
    }

    /// <summary>True when a dispatcher with this id or alias is configured.</summary>
    public bool HasDispatcher(string id) => _system.Settings.Config.HasPath(Aliases.GetValueOrDefault(id, id) + ".type");

    internal void ShutdownAll()
    {
        foreach (var lazy in _dispatchers.Values)
            if (lazy.IsValueCreated) lazy.Value.Shutdown();
    }

    private MessageDispatcher Create(string id)
    {
        var config = _system.Settings.Config;
        if (!config.HasPath(id + ".type"))
            throw new ActorConfigurationException($"Dispatcher '{id}' is not configured: there is no '{id}.type' in the configuration (built-in ids: {string.Join(", ", Aliases.Values)}; aliases: {string.Join(", ", Aliases.Keys)}).");
        var settings = DispatcherSettings.Read(config, id);
        return settings.Type switch
        {
            "thread-pool" => new ThreadPoolDispatcher(id, settings.Throughput, settings.ThroughputDeadline),
            "dedicated-threads" => new DedicatedThreadDispatcher(id, settings.ThreadCount, settings.Throughput, settings.ThroughputDeadline),
            "pinned" => new PinnedDispatcher(id, settings.Throughput, settings.ThroughputDeadline),
            "calling-thread" => new CallingThreadDispatcher(id, settings.Throughput),
            _ => throw new ActorConfigurationException($"{id}.type: '{settings.Type}' is not a dispatcher type; expected thread-pool, dedicated-threads, pinned or calling-thread."),
        };
    }
}
