namespace ActorProc.Core.Supervision;

public static partial class BackoffSupervisor
{
    /// <summary>Asks a backoff supervisor for its child; answered with <see cref="CurrentChild"/>.</summary>
    public sealed class GetCurrentChild
    {
        /// <summary>The single instance.</summary>
        public static readonly GetCurrentChild Instance = new();
        private GetCurrentChild() { }

        /// <inheritdoc />
        public override string ToString() => "GetCurrentChild";
    }

    /// <summary>The answer to <see cref="GetCurrentChild"/>.</summary>
    /// <param name="Ref">The running child, or null while it is absent (waiting to be re-created).</param>
    public sealed record CurrentChild(IActorRef? Ref);

    /// <summary>Sets the supervisor's retry count back to zero, so the next delay is the minimum again.</summary>
    public sealed class Reset
    {
        /// <summary>The single instance.</summary>
        public static readonly Reset Instance = new();
        private Reset() { }

        /// <inheritdoc />
        public override string ToString() => "Reset";
    }

    /// <summary>Asks a backoff supervisor how often it re-created its child since the last reset; answered with <see cref="RestartCount"/>.</summary>
    public sealed class GetRestartCount
    {
        /// <summary>The single instance.</summary>
        public static readonly GetRestartCount Instance = new();
        private GetRestartCount() { }

        /// <inheritdoc />
        public override string ToString() => "GetRestartCount";
    }

    /// <summary>The answer to <see cref="GetRestartCount"/>.</summary>
    /// <param name="Count">Re-creations (scheduled or done) since the count was last reset.</param>
    public sealed record RestartCount(int Count);
}
