namespace ActorProc.Cluster.Tests.Hostile;

/// <summary>
/// The hostile-input specs capture standard error (process-wide), so they run on their own, after the
/// specs that run in parallel.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostileCollection
{
    public const string Name = "Hostile input";
}
