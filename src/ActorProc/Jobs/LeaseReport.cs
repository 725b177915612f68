namespace ActorProc.Jobs;

/// <summary>
/// What one worker did with a <see cref="RangeLease{TIn,TOut}"/>: how many tasks it accounted for,
/// which failed, an optional fatal task, and blocks it claimed but did not run (after a fatal task, or
/// because the job is stopping), which the job sends out again as ordinary chunks. Written by the worker
/// only, then sent to the job.
/// </summary>
internal sealed class LeaseReport<TIn, TOut>(RangeLease<TIn, TOut> lease)
{
    public RangeLease<TIn, TOut> Lease { get; } = lease;

    /// <summary>Tasks this worker ran (including failed and fatal ones).</summary>
    public long Ran { get; set; }

    /// <summary>Tasks of this report that ran without failing.</summary>
    public long Succeeded { get; set; }

    /// <summary>Tasks this report settles: run (succeeded or failed), the fatal one, and unrun claimed ones.</summary>
    public long Accounted { get; set; }

    public List<(long Index, Exception Error)>? Failures { get; private set; }

    public long FatalIndex { get; private set; } = -1;

    public Exception? FatalError { get; private set; }

    public List<(long From, long To)>? UnrunRanges { get; private set; }

    public void Failed(long index, Exception error) => (Failures ??= []).Add((index, error));

    public void SetFatal(long index, Exception error)
    {
        FatalIndex = index;
        FatalError = error;
    }

    public void Unrun(long from, long to)
    {
        (UnrunRanges ??= []).Add((from, to));
        Accounted += to - from;
    }
}
