using ActorProc.Cluster.Processes;
using ActorProc.TestKit.Cluster;
using Xunit.Abstractions;

namespace ActorProc.Cli.Tests.Cluster;

/// <summary>
/// The TestKit's multi-process <see cref="ClusterFixture"/> as these specs use it: the CLI built from this
/// repository (the one the other CLI tests run), <see cref="LocalClusterOptions.TestTimings"/>, and a fresh
/// SQLite journal unless another is given.
/// </summary>
internal static class TestClusters
{
    /// <param name="nodes">How many node processes.</param>
    /// <param name="output">The test's output: every process's log is written to it at dispose.</param>
    /// <param name="journal">The nodes' --journal (e.g. <c>postgres:...</c>); null = a fresh SQLite file.</param>
    public static ClusterFixture Create(int nodes, ITestOutputHelper output, string? journal = null) => new(output, new LocalClusterOptions
    {
        Nodes = nodes,
        Cli = ActorProcCli.FromPath(CliRunner.CliDll),
        Journal = journal,
        NodeConfig = LocalClusterOptions.TestTimings,
    });
}
