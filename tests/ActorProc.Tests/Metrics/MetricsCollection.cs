namespace ActorProc.Tests.Metrics;

/// <summary>
/// Metrics specs run alone: a listener of the task-duration histogram makes every job started
/// meanwhile time each task (guarded chunks), which would change what other specs observe.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics";
}
