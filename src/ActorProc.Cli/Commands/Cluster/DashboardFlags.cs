using System.CommandLine;
using ActorProc.Dashboard;

namespace ActorProc.Cli.Commands.Cluster;

/// <summary>
/// The dashboard's options, shared by <c>actorproc node</c> (prefix <c>--dashboard-</c>: <c>--dashboard-port</c>,
/// <c>--dashboard-host</c>, <c>--dashboard-token</c>) and <c>actorproc dashboard</c> (no prefix). The token
/// may come from the environment variable <c>ACTORPROC_DASHBOARD_TOKEN</c> instead, which keeps it out
/// of the process list.
/// </summary>
internal sealed class DashboardFlags
{
    public const string TokenVariable = "ACTORPROC_DASHBOARD_TOKEN";

    public DashboardFlags(string prefix, bool portRequired)
    {
        Port = ValueParsers.AtLeast($"--{prefix}port", portRequired
            ? "TCP port of the dashboard (0: any free port, printed on stderr)."
            : "Serve the live dashboard on this TCP port (0: any free port, printed on stderr).", 0, 65535);
        Port.Required = portRequired;
        Host = new Option<string?>($"--{prefix}host") { Description = $"Address the dashboard listens on (default {DashboardOptions.LoopbackHost}); any non-loopback address (e.g. 0.0.0.0) needs a token.", HelpName = "ADDRESS" };
        Token = new Option<string?>($"--{prefix}token") { Description = $"Token the browser must present (open /?token=TOKEN); required off loopback. Also {TokenVariable}.", HelpName = "TOKEN" };
    }

    public Option<long?> Port { get; }

    public Option<string?> Host { get; }

    public Option<string?> Token { get; }

    public void AddTo(Command command)
    {
        command.Options.Add(Port);
        command.Options.Add(Host);
        command.Options.Add(Token);
    }

    /// <summary>The dashboard's options, or null when no port was given (no dashboard). Validated later, with the node's settings.</summary>
    public DashboardOptions? Read(ParseResult parse)
    {
        if (parse.GetValue(Port) is not { } port) return null;
        var token = parse.GetValue(Token) ?? Environment.GetEnvironmentVariable(TokenVariable);
        return new DashboardOptions
        {
            Port = (int)port,
            Host = parse.GetValue(Host) ?? DashboardOptions.LoopbackHost,
            Token = string.IsNullOrEmpty(token) ? null : token,
        };
    }
}
