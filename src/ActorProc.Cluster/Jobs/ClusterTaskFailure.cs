namespace ActorProc.Cluster.Jobs;

/// <summary>A task of a durable job that did not succeed, with what it was given: what dashboards and reports show.</summary>
/// <param name="Index">0-based position of the task's input in <see cref="JobSpec.Inputs"/>.</param>
/// <param name="Input">The task's input text.</param>
/// <param name="Error">Why it failed (<c>"ExceptionType: message"</c>, or the outcome's name).</param>
public sealed record ClusterTaskFailure(long Index, string Input, string Error);
