using ActorProc.Cluster.Processes;
using ActorProc.TestKit.Cluster;
using Xunit.Abstractions;

namespace ActorProc.TestKit.Tests.Cluster;

/// <summary>Finding the <c>actorproc</c> CLI the cluster fixture starts: a missing one is named, with how to provide it.</summary>
public sealed class ActorProcCliTests(ITestOutputHelper output)
{
    [Fact]
    public void A_path_without_a_file_is_refused_naming_the_path()
    {
        var error = Assert.Throws<FileNotFoundException>(() => ActorProcCli.FromPath("/nonexistent/ActorProc.Cli.dll"));

        Assert.Contains("/nonexistent/ActorProc.Cli.dll", error.Message);
    }

    [Fact]
    public void An_assembly_runs_through_the_dotnet_host_and_anything_else_directly()
    {
        var self = typeof(ActorProcCliTests).Assembly.Location;

        Assert.True(ActorProcCli.FromPath(self).IsAssembly);
        Assert.False(ActorProcCli.FromPath("/bin/sh").IsAssembly);
    }

    [Fact]
    public void Without_a_cli_next_to_the_tests_the_fixture_says_where_it_looked()
    {
        // This project does not reference ActorProc.Cli, so no ActorProc.Cli.dll is deployed next to it (and CI does not set ACTORPROC_CLI).

        var error = Assert.Throws<FileNotFoundException>(() => new ClusterFixture(output));

        Assert.Contains(AppContext.BaseDirectory, error.Message);
        Assert.Contains(ActorProcCli.EnvironmentVariable, error.Message);
    }
}
