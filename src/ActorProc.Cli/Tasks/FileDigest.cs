namespace ActorProc.Cli.Tasks;

/// <summary>A file's digest (lowercase hex) and length: what a worker process returns for a hash task, as JSON.</summary>
internal sealed record FileDigest(string Hex, long Length);
