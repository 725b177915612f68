using System.CommandLine;

namespace ActorProc.Cli.Commands.Cluster;

/// <summary>The options of the commands that talk to a running cluster as a client: <c>submit</c>, <c>job</c>, <c>status</c>.</summary>
internal sealed class ClusterOptions
{
    public Option<string[]> Cluster { get; } = new("--cluster")
    {
        Description = "Nodes to contact, host:port[,host:port] (repeatable); any one that answers is enough.",
        HelpName = "HOST:PORT",
        Arity = ArgumentArity.OneOrMore,
        Required = true,
    };

    public Option<TimeSpan?> ConnectTimeout { get; } = ValueParsers.Duration("--connect-timeout", "How long to try to reach the cluster before exiting with 2 (default 10s).");

    public Option<string?> Config { get; } = new("--config") { Description = "HOCON file for the client (e.g. akka.remote.dot-netty.tcp.hostname when the nodes must reach this machine by another name).", HelpName = "FILE" };

    public Option<bool> Json { get; } = new("--json") { Description = "Print exactly one JSON document on stdout." };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Print only results and errors." };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Log the client's actor system at WARNING and print progress lines on stderr." };

    public IEnumerable<Option> All => [Cluster, ConnectTimeout, Config, Json, Quiet, Verbose];

    /// <summary>Adds every option to <paramref name="command"/>, recursive so they may follow a task name.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            option.Recursive = true;
            command.Options.Add(option);
        }
    }

    public ClusterSettings Read(ParseResult parse) => new(
        ContactPoints: [.. (parse.GetValue(Cluster) ?? []).SelectMany(c => c.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
        ConnectTimeout: parse.GetValue(ConnectTimeout) ?? TimeSpan.FromSeconds(10),
        ConfigFile: parse.GetValue(Config),
        Json: parse.GetValue(Json),
        Quiet: parse.GetValue(Quiet),
        Verbose: parse.GetValue(Verbose));
}
