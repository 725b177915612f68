using System.Collections.Concurrent;

namespace ActorProc.Core.Mailboxes;

/// <summary>
/// The mailbox types of an actor system, by id. An id is a config path whose block has a
/// <c>mailbox-type</c> (<c>unbounded</c>, <c>bounded</c> with <c>mailbox-capacity</c> and
/// <c>overflow-strategy</c> = <c>drop-new</c> | <c>backpressure</c>, or <c>priority</c>), or an id
/// registered in code with <see cref="RegisterPriority"/>.
/// </summary>
public sealed class MailboxRegistry
{
    /// <summary>The unbounded mailbox used when Props name none.</summary>
    public const string DefaultMailboxId = "actorproc.actor.default-mailbox";

    /// <summary>A bounded mailbox (capacity and overflow strategy from config).</summary>
    public const string BoundedMailboxId = "actorproc.actor.bounded-mailbox";

    private readonly ActorSystem _system;
    private readonly ConcurrentDictionary<string, Func<object, int>> _priorities = new();
    private readonly ConcurrentDictionary<string, MailboxSettings> _settings = new();

    internal MailboxRegistry(ActorSystem system) => _system = system;

    /// <summary>
    /// Registers a priority mailbox under <paramref name="id"/>: messages with a lower number from
    /// <paramref name="priority"/> are delivered first (FIFO among equals). System messages still overtake.
    /// </summary>
    /// <exception cref="ArgumentException">The id is empty or already registered.</exception>
    public void RegisterPriority(string id, Func<object, int> priority)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(priority);
        if (!_priorities.TryAdd(id, priority)) throw new ArgumentException($"A priority mailbox with id '{id}' is already registered.", nameof(id));
    }

    internal Mailbox Create(string? id, ActorPath path)
    {
        if (id is null) return new Mailbox(null); // the default: no lookup on the spawn hot path

        if (_priorities.TryGetValue(id, out var priority)) return new Mailbox(new PriorityMessageQueue(priority));
        var settings = _settings.GetOrAdd(id, Read);
        return new Mailbox(settings.Type switch
        {
            "bounded" => new BoundedMessageQueue(settings.Capacity, settings.Backpressure),
            "priority" => throw new ActorConfigurationException($"Mailbox '{id}' (for {path}) is a priority mailbox: register its priority function with system.Mailboxes.RegisterPriority(\"{id}\", ...) before creating actors that use it."),
            _ => null,
        });
    }

    private MailboxSettings Read(string id)
    {
        var config = _system.Settings.Config;
        if (!config.HasPath(id + ".mailbox-type"))
            throw new ActorConfigurationException($"Mailbox '{id}' is not configured: there is no '{id}.mailbox-type' in the configuration and no priority mailbox was registered under that id.");
        var block = config.GetConfig(id);
        var type = block.GetString("mailbox-type");
        switch (type)
        {
            case "unbounded":
            case "priority":
                return new MailboxSettings(type, 0, false);
            case "bounded":
                var capacity = block.GetInt("mailbox-capacity");
                if (capacity < 1) throw new ActorConfigurationException($"{id}.mailbox-capacity: must be at least 1 (got {capacity}).");
                var overflow = block.GetString("overflow-strategy");
                if (overflow is not ("drop-new" or "backpressure"))
                    throw new ActorConfigurationException($"{id}.overflow-strategy: '{overflow}' is not an overflow strategy; expected drop-new or backpressure.");
                return new MailboxSettings(type, capacity, overflow == "backpressure");
            default:
                throw new ActorConfigurationException($"{id}.mailbox-type: '{type}' is not a mailbox type; expected unbounded, bounded or priority.");
        }
    }

    private sealed record MailboxSettings(string Type, int Capacity, bool Backpressure);
}
