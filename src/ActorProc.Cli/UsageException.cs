namespace ActorProc.Cli;

/// <summary>
/// A usage or input error found before any work started (bad value, missing path, malformed config).
/// Caught at the top, printed as one line on stderr, and turned into exit code 2, never a stack trace.
/// </summary>
internal sealed class UsageException(string message) : Exception(message);
