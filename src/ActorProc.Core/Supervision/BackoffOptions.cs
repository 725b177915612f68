namespace ActorProc.Core.Supervision;

/// <summary>
/// How a <see cref="BackoffSupervisor"/> runs its child: which props and name, when to re-create it
/// (<see cref="OnFailure"/> or <see cref="OnStop"/>), how long to wait before each re-creation, when
/// the retry count resets, and when to give up. Options are values: the <c>With…</c> methods return
/// modified copies.
/// <para>
/// Defaults: the retry count resets once a re-created child has run for <see cref="MinBackoff"/>
/// without failing (<see cref="WithAutoReset"/> changes that), retries are unlimited
/// (<see cref="WithMaxNrOfRetries"/>), and failures are judged by
/// <see cref="SupervisorStrategy.DefaultDecider"/> (<see cref="WithSupervisorStrategy"/>).
/// </para>
/// </summary>
public sealed record BackoffOptions
{
    private BackoffOptions(BackoffTrigger trigger, Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor)
    {
        Trigger = trigger;
        ChildProps = childProps;
        ChildName = childName;
        MinBackoff = minBackoff;
        MaxBackoff = maxBackoff;
        RandomFactor = randomFactor;
    }

    /// <summary>Props of the supervised child.</summary>
    public Props ChildProps { get; }

    /// <summary>Name of the child under the supervisor; every re-created child gets the same name.</summary>
    public string ChildName { get; }

    /// <summary>Delay before the first re-creation; each further one doubles it, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan MinBackoff { get; }

    /// <summary>Upper bound of the exponential delay (before the random factor is applied).</summary>
    public TimeSpan MaxBackoff { get; }

    /// <summary>Jitter: each delay is multiplied by <c>1 + random × RandomFactor</c> (0 = no jitter, at most 1).</summary>
    public double RandomFactor { get; }

    /// <summary>How long a re-created child must run without failing before the retry count resets to zero.</summary>
    public TimeSpan ResetBackoff => _resetBackoff ?? MinBackoff;

    /// <summary>
    /// Re-creations allowed before the supervisor gives up and stops itself; -1 = unlimited. When not
    /// set explicitly, the <see cref="SupervisorStrategy"/>'s own <c>MaxNrOfRetries</c> applies.
    /// </summary>
    public int MaxNrOfRetries => _maxNrOfRetries ?? SupervisorStrategy?.MaxNrOfRetries ?? -1;

    /// <summary>
    /// The strategy for the child's failures, or null for the default. With <see cref="OnFailure"/> its
    /// decider chooses which failures lead to a delayed re-creation (those it maps to Restart); the
    /// others are applied as they are (Resume, Stop — which also stops the supervisor — or Escalate).
    /// With <see cref="OnStop"/> it is the supervisor's ordinary strategy for the child.
    /// </summary>
    public SupervisorStrategy? SupervisorStrategy { get; private init; }

    internal BackoffTrigger Trigger { get; }

    private TimeSpan? _resetBackoff;
    private int? _maxNrOfRetries;

    /// <summary>
    /// Options that re-create the child, after a growing delay, whenever it fails with an exception the
    /// decider maps to Restart (instead of restarting it at once). If the child stops by itself, the
    /// supervisor stops too.
    /// </summary>
    /// <param name="childProps">Props of the child.</param>
    /// <param name="childName">Name of the child.</param>
    /// <param name="minBackoff">First delay; must be positive.</param>
    /// <param name="maxBackoff">Largest delay before jitter; must be at least <paramref name="minBackoff"/>.</param>
    /// <param name="randomFactor">Jitter factor between 0 and 1.</param>
    /// <exception cref="ArgumentException">An argument is null, empty or out of range; the exception names it.</exception>
    public static BackoffOptions OnFailure(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor) =>
        Create(BackoffTrigger.Failure, childProps, childName, minBackoff, maxBackoff, randomFactor);

    /// <summary>
    /// Options that re-create the child, after a growing delay, whenever it stops (for any reason,
    /// including being stopped by its own failure). Failures themselves are handled by the
    /// <see cref="SupervisorStrategy"/> (by default: restart at once, as any parent would).
    /// </summary>
    /// <param name="childProps">Props of the child.</param>
    /// <param name="childName">Name of the child.</param>
    /// <param name="minBackoff">First delay; must be positive.</param>
    /// <param name="maxBackoff">Largest delay before jitter; must be at least <paramref name="minBackoff"/>.</param>
    /// <param name="randomFactor">Jitter factor between 0 and 1.</param>
    /// <exception cref="ArgumentException">An argument is null, empty or out of range; the exception names it.</exception>
    public static BackoffOptions OnStop(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor) =>
        Create(BackoffTrigger.Stop, childProps, childName, minBackoff, maxBackoff, randomFactor);

    /// <summary>Resets the retry count once a re-created child has run for <paramref name="resetBackoff"/> without failing.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resetBackoff"/> is not positive.</exception>
    public BackoffOptions WithAutoReset(TimeSpan resetBackoff)
    {
        if (resetBackoff <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(resetBackoff), resetBackoff, "The auto-reset period must be positive.");
        return this with { _resetBackoff = resetBackoff };
    }

    /// <summary>Stops the supervisor (and its child) when the child would be re-created more than <paramref name="maxNrOfRetries"/> times in a row; -1 = unlimited.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxNrOfRetries"/> is less than -1.</exception>
    public BackoffOptions WithMaxNrOfRetries(int maxNrOfRetries)
    {
        if (maxNrOfRetries < -1)
            throw new ArgumentOutOfRangeException(nameof(maxNrOfRetries), maxNrOfRetries, "Use a count of zero or more, or -1 for unlimited retries.");
        return this with { _maxNrOfRetries = maxNrOfRetries };
    }

    /// <summary>Sets the strategy for the child's failures (see <see cref="SupervisorStrategy"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="strategy"/> is null.</exception>
    public BackoffOptions WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return this with { SupervisorStrategy = strategy };
    }

    private static BackoffOptions Create(BackoffTrigger trigger, Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor)
    {
        ArgumentNullException.ThrowIfNull(childProps);
        ArgumentException.ThrowIfNullOrWhiteSpace(childName);
        ValidateBackoff(minBackoff, maxBackoff, randomFactor);
        return new BackoffOptions(trigger, childProps, childName, minBackoff, maxBackoff, randomFactor);
    }

    /// <summary>Checks the delay parameters; shared with <see cref="BackoffSupervisor.CalculateDelay(int, TimeSpan, TimeSpan, double)"/>.</summary>
    internal static void ValidateBackoff(TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor)
    {
        if (minBackoff <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(minBackoff), minBackoff, "The minimum backoff must be positive.");
        if (maxBackoff < minBackoff)
            throw new ArgumentOutOfRangeException(nameof(maxBackoff), maxBackoff, $"The maximum backoff must be at least the minimum backoff ({minBackoff}).");
        if (!(randomFactor is >= 0.0 and <= 1.0))
            throw new ArgumentOutOfRangeException(nameof(randomFactor), randomFactor, "The random factor must be between 0 and 1.");
    }
}

/// <summary>What makes a backoff supervisor re-create its child.</summary>
internal enum BackoffTrigger
{
    /// <summary>The child failed with an exception the decider maps to Restart.</summary>
    Failure,

    /// <summary>The child stopped, for whatever reason.</summary>
    Stop,
}
