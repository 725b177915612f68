using System.CommandLine;
using ActorProc.Cli.Output;

namespace ActorProc.Cli.Commands.Cluster;

/// <summary>The cluster commands of <c>actorproc</c>: <c>node</c>, <c>submit</c>, <c>job</c>, <c>status</c>, <c>dashboard</c>.</summary>
internal static class ClusterCommands
{
    public static void AddTo(Command root, CliConsole console)
    {
        root.Subcommands.Add(NodeCommand.Create(console));
        root.Subcommands.Add(SubmitCommand.Create(console));
        root.Subcommands.Add(JobCommand.Create(console));
        root.Subcommands.Add(StatusCommand.Create(console));
        root.Subcommands.Add(Chaos.ChaosCommand.Create(console));
        root.Subcommands.Add(DashboardCommand.Create(console));
    }
}
