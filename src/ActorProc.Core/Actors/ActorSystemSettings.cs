namespace ActorProc.Core.Actors;

/// <summary>
/// The actor system's settings, read once from the merged configuration (user config over
/// <c>hocon/reference.conf</c>). Every key is documented in reference.conf.
/// </summary>
public sealed class ActorSystemSettings
{
    internal ActorSystemSettings(Config config)
    {
        Config = config;
        LogLevel = LoggingBus.ParseLevel(config.GetString("actorproc.loglevel"), "actorproc.loglevel");
        LogDeadLetters = ParseLogDeadLetters(config);
        LogDeadLettersDuringShutdown = config.GetBoolean("actorproc.log-dead-letters-during-shutdown");
        LogDeadLettersSuspendDuration = config.GetTimeSpan("actorproc.log-dead-letters-suspend-duration");
        DefaultDispatcherId = Dispatchers.DefaultDispatcherId;
        AskTimeout = config.GetTimeSpan("actorproc.actor.ask-timeout");
        GuardianSupervisorStrategy = config.GetString("actorproc.actor.guardian-supervisor-strategy");
        ShutdownTimeout = config.GetTimeSpan("actorproc.coordinated-shutdown.timeout");
        if (GuardianSupervisorStrategy is not ("restart" or "stop" or "escalate"))
            throw new ConfigurationException($"actorproc.actor.guardian-supervisor-strategy: '{GuardianSupervisorStrategy}' is not a guardian strategy; expected restart, stop or escalate");
        if (ShutdownTimeout <= TimeSpan.Zero)
            throw new ConfigurationException("actorproc.coordinated-shutdown.timeout: must be positive");
    }

    /// <summary>The full configuration the system was created with (user config over reference.conf).</summary>
    public Config Config { get; }

    /// <summary>Minimum level that is logged (<c>actorproc.loglevel</c>).</summary>
    public LogLevel LogLevel { get; }

    /// <summary>How many dead letters are logged one by one before summarizing (<c>actorproc.log-dead-letters</c>; 0 = off).</summary>
    public int LogDeadLetters { get; }

    /// <summary>Whether dead letters are logged while the system shuts down.</summary>
    public bool LogDeadLettersDuringShutdown { get; }

    /// <summary>Interval of the dead-letter summary line once the one-by-one budget is spent.</summary>
    public TimeSpan LogDeadLettersSuspendDuration { get; }

    /// <summary>The dispatcher of actors whose props name none.</summary>
    public string DefaultDispatcherId { get; }

    /// <summary>Timeout of <c>Ask</c> when the caller gives none (<c>actorproc.actor.ask-timeout</c>).</summary>
    public TimeSpan AskTimeout { get; }

    /// <summary>How the user guardian treats failing top-level actors: restart, stop or escalate (stops the system).</summary>
    public string GuardianSupervisorStrategy { get; }

    /// <summary>How long <c>Terminate</c> waits for actors to stop before stopping the rest forcibly.</summary>
    public TimeSpan ShutdownTimeout { get; }

    private static int ParseLogDeadLetters(Config config)
    {
        // Accepts a count, or on/off like Akka.
        var raw = config.GetString("actorproc.log-dead-letters").Trim().ToLowerInvariant();
        return raw switch
        {
            "off" or "false" or "no" => 0,
            "on" or "true" or "yes" => int.MaxValue,
            _ when int.TryParse(raw, out var n) && n >= 0 => n,
            _ => throw new ConfigurationException($"actorproc.log-dead-letters: '{raw}' is neither a non-negative count nor on/off"),
        };
    }
}
