namespace ActorProc.Cli.Commands.Cluster;

/// <summary>The client options of <c>submit</c>, <c>job</c> and <c>status</c>, read once.</summary>
/// <param name="ContactPoints">Nodes as host:port (<c>--cluster</c>).</param>
/// <param name="ConnectTimeout">How long to try to reach them (<c>--connect-timeout</c>).</param>
/// <param name="ConfigFile">The client's HOCON file (<c>--config</c>), or null.</param>
/// <param name="Json">One JSON document on stdout (<c>--json</c>).</param>
/// <param name="Quiet">Results and errors only (<c>--quiet</c>).</param>
/// <param name="Verbose">Client log at WARNING and progress lines on stderr (<c>--verbose</c>).</param>
internal sealed record ClusterSettings(IReadOnlyList<string> ContactPoints, TimeSpan ConnectTimeout, string? ConfigFile, bool Json, bool Quiet, bool Verbose);
