namespace ActorProc.Core.Actors;

/// <summary>How an actor system's shutdown went.</summary>
/// <param name="Forced">True when the shutdown deadline passed and remaining actors were stopped forcibly.</param>
/// <param name="OverranActors">Paths of the actors that had not stopped by the deadline (empty when not forced).</param>
/// <param name="Elapsed">Time from the shutdown request to its end.</param>
public sealed record ShutdownResult(bool Forced, IReadOnlyList<string> OverranActors, TimeSpan Elapsed);
