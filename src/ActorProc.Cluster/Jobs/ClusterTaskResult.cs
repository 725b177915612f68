namespace ActorProc.Cluster.Jobs;

/// <summary>The one recorded result of one task of a durable job.</summary>
/// <param name="Index">0-based position of the task's input in <see cref="JobSpec.Inputs"/>.</param>
/// <param name="Status"><see cref="TaskOutcome.Succeeded"/> or <see cref="TaskOutcome.Failed"/> (or TimedOut when the pool has a task timeout).</param>
/// <param name="Output">The task's output as JSON (the registry's format) when it succeeded; otherwise null.</param>
/// <param name="Error">The error (<c>"ExceptionType: message"</c>) when it did not succeed; otherwise null.</param>
/// <param name="Attempts">How many times the task was started, counting re-runs after a node crash or handoff.</param>
public sealed record ClusterTaskResult(long Index, TaskOutcome Status, string? Output, string? Error, int Attempts);
