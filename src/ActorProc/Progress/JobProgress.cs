namespace ActorProc.Progress;

/// <summary>
/// A snapshot of a running job, reported to <see cref="JobOptions.Progress"/> periodically and once
/// at the end (then <see cref="IsFinal"/> is true).
/// </summary>
/// <param name="JobId">The job's id.</param>
/// <param name="Completed">Tasks in a final state (succeeded, failed, timed out or cancelled).</param>
/// <param name="Succeeded">Tasks that succeeded.</param>
/// <param name="Failed">Tasks that failed after their last attempt.</param>
/// <param name="TimedOut">Tasks that timed out after their last attempt.</param>
/// <param name="Cancelled">Tasks cancelled.</param>
/// <param name="Retried">Retries scheduled so far (one task may be retried several times).</param>
/// <param name="InFlight">Inputs read from the source whose outcome the consumer has not taken yet (bounded by the in-flight window).</param>
/// <param name="Total">Number of inputs when known (lists and collections), otherwise null.</param>
/// <param name="Elapsed">Time since the job started.</param>
/// <param name="Throughput">Completed tasks per second since the start.</param>
/// <param name="Eta">Estimated time to completion when <paramref name="Total"/> is known and progress was made, otherwise null.</param>
/// <param name="IsFinal">True for the last report, sent when the job is over.</param>
public sealed record JobProgress(
    string JobId,
    long Completed,
    long Succeeded,
    long Failed,
    long TimedOut,
    long Cancelled,
    long Retried,
    long InFlight,
    long? Total,
    TimeSpan Elapsed,
    double Throughput,
    TimeSpan? Eta,
    bool IsFinal)
{
    /// <summary>Completed share of <see cref="Total"/> in [0, 1], or null when the total is unknown.</summary>
    public double? Fraction => Total is > 0 ? Math.Min(1, Completed / (double)Total.Value) : Total == 0 ? 1 : null;

    /// <inheritdoc />
    public override string ToString() =>
        $"{JobId}: {Completed}{(Total is { } t ? "/" + t : "")} done ({Succeeded} ok, {Failed} failed, {TimedOut} timed out, {Cancelled} cancelled, {Retried} retries), {InFlight} in flight, {Throughput:0.#}/s{(Eta is { } eta ? $", ETA {eta:hh\\:mm\\:ss}" : "")}";
}
