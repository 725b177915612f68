namespace ActorProc.Jobs;

internal sealed partial class JobActor<TIn, TOut>
{
    // Outcome counts already added to the pool's counters. The job publishes differences once per
    // message rather than one Add per task: a message may settle a chunk of thousands of tasks.
    private long _publishedSucceeded, _publishedFailed, _publishedTimedOut, _publishedCancelled, _publishedRetries;

    /// <summary>
    /// Adds the outcomes accounted since the last call to the pool's counters and publishes the job's
    /// queue and in-flight gauges (zero once finished). Called after every message and at the end.
    /// </summary>
    private void PublishMetrics()
    {
        _metrics.Outcomes(_succeeded - _publishedSucceeded, _failed - _publishedFailed, _timedOut - _publishedTimedOut,
            _cancelled - _publishedCancelled, _retries - _publishedRetries);
        _publishedSucceeded = _succeeded;
        _publishedFailed = _failed;
        _publishedTimedOut = _timedOut;
        _publishedCancelled = _cancelled;
        _publishedRetries = _retries;
        if (_finished)
        {
            _control.PublishGauges(0, 0);
            return;
        }
        // Waiting for a worker: retries in backoff or waiting for a permit, and an input read but not yet
        // in a chunk. Every other input taken and not finalized is with the workers (see the invariants).
        var queued = _retrying.Count + _readyRetries.Count + (_hasCarry ? 1 : 0);
        _control.PublishGauges(queued, Math.Max(0, _pulled - _finalized - queued));
    }

    /// <summary>Records an attempt's run time when the job times its tasks (guarded) and a listener wants it.</summary>
    private void RecordDuration(long ticks)
    {
        if (_shared.Guarded && ticks > 0 && PoolMetrics.DurationsWanted) _metrics.TaskDuration(ticks);
    }
}
