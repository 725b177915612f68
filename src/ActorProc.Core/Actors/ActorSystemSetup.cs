using Microsoft.Extensions.Logging;

namespace ActorProc.Core.Actors;

/// <summary>Everything an actor system can be created with besides its name.</summary>
public sealed record ActorSystemSetup
{
    /// <summary>User configuration; it is layered over environment overrides below it... see <see cref="ConfigurationFactory.Load"/>. Null = reference.conf only.</summary>
    public Config? Config { get; init; }

    /// <summary>When set, log events go to Microsoft.Extensions.Logging instead of the console.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The clock of the scheduler, timers and supervision windows (a fake one makes tests deterministic).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Environment variables for <c>ACTORPROC__…</c> overrides; null = the process environment.</summary>
    public IDictionary<string, string?>? Environment { get; init; }
}
