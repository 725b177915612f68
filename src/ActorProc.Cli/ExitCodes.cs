namespace ActorProc.Cli;

/// <summary>The process exit codes of <c>actorproc</c> (documented in the README; tests and scripts rely on them).</summary>
internal static class ExitCodes
{
    /// <summary>Every task succeeded.</summary>
    public const int Success = 0;

    /// <summary>The job ran, but some tasks failed, timed out or were cancelled by the deadline.</summary>
    public const int TasksFailed = 1;

    /// <summary>Usage or input error before any work: unknown command or option, missing path, bad value, malformed config.</summary>
    public const int UsageError = 2;

    /// <summary>Cancelled by the user (Ctrl+C or SIGTERM); 128 + SIGINT, as shells report it.</summary>
    public const int Cancelled = 130;
}
