namespace ActorProc.Cli.Tests.Cluster;

/// <summary>
/// The multi-process cluster specs: one at a time, and not alongside other tests, since each loads
/// both cores with node processes and their failure detectors must not see a starved peer as dead.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "cluster processes";
}
