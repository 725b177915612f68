namespace ActorProc.Jobs;

internal sealed partial class JobActor<TIn, TOut>
{
    /// <summary>A worker finished (or stopped) a sync chunk.</summary>
    private void OnSyncChunkDone(SyncChunk<TIn, TOut> chunk)
    {
        if (!_running.Remove(chunk.Id)) return; // abandoned earlier (hung task); its late outcome does not count
        var done = chunk.Done;
        if (chunk.FatalError is null) _sizer.Observe(done, chunk.ElapsedTicks);
        AccountFinished(chunk, chunk.Accounted, done);
        var end = chunk.ReclaimedFrom >= 0 ? chunk.ReclaimedFrom : chunk.Count;
        if (chunk.FatalError is { } fatal)
        {
            var offset = chunk.FatalOffset;
            OnTaskFailed(chunk.BaseIndex + offset, chunk.InputAt(offset), chunk.Attempt, fatal, chunk.DurationTicks?[offset] ?? 0,
                TaskOutcome.Failed, () => chunk.Slice(NewChunkId(), offset, offset + 1, chunk.Attempt + 1));
            Redispatch(chunk, offset + 1, end);
        }
        else Redispatch(chunk, done, end); // a chunk stops early only when the job is stopping; defensive
        Pump();
    }

    /// <summary>A worker is done with the lease: settle what it reports and send out what it claimed but did not run.</summary>
    private void OnLeaseReport(LeaseReport<TIn, TOut> report)
    {
        var list = _source.List!;
        _leaseOpen -= report.Accounted;
        _leaseRan += report.Ran;
        _succeeded += report.Succeeded;
        _finalized += report.Succeeded;
        _sink.OnLeaseSucceeded(report.Succeeded);
        if (report.Failures is { } failures)
            foreach (var (index, error) in failures) FailedInLease(list, index, error);
        if (report.FatalError is { } fatal) FailedInLease(list, report.FatalIndex, fatal);
        if (report.UnrunRanges is { } unrun)
        {
            // Split so that a large returned range is shared by all workers again.
            var piece = Math.Max(1, unrun.Sum(r => r.To - r.From) / (2L * _workers));
            foreach (var (from, to) in unrun)
                for (var start = from; start < to; start += piece)
                    Dispatch(NewChunk(start, (int)Math.Min(piece, to - start), attempt: 1, inputs: null));
        }
        Pump();
    }

    private void FailedInLease(IReadOnlyList<TIn> list, long index, Exception error) =>
        OnTaskFailed(index, list[(int)index], 1, error, 0, TaskOutcome.Failed, () => NewChunk(index, 1, attempt: 2, inputs: null));

    /// <summary>Turns offsets [from, to) of a chunk, which have finished, into outcomes.</summary>
    private void AccountFinished(SyncChunk<TIn, TOut> chunk, int from, int to)
    {
        if (to <= from) return;
        chunk.Accounted = to;
        var errors = chunk.Errors;
        if (!chunk.Guarded)
        {
            var failures = 0;
            if (errors is not null)
                for (var i = from; i < to; i++)
                    if (errors[i] is not null) failures++;
            _succeeded += to - from - failures;
            _finalized += to - from - failures;
            _sink.OnFastRange(chunk, from, to, to - from - failures);
            if (failures == 0) return;
        }
        for (var i = from; i < to; i++)
        {
            var ticks = chunk.DurationTicks?[i] ?? 0;
            if (errors?[i] is { } error)
                OnTaskFailed(chunk.BaseIndex + i, chunk.InputAt(i), chunk.Attempt, error, ticks, TaskOutcome.Failed,
                    () => chunk.Slice(NewChunkId(), i, i + 1, chunk.Attempt + 1));
            else if (chunk.Guarded) Succeed(chunk.BaseIndex + i, chunk.InputAt(i), chunk.Results![i], chunk.Attempt, ticks);
        }
    }

    /// <summary>
    /// A task's attempt failed (or timed out): schedule its next attempt when the policy allows,
    /// otherwise finalize it with <paramref name="status"/>.
    /// </summary>
    private void OnTaskFailed(long index, TIn input, int attempt, Exception error, long ticks, TaskOutcome status, Func<WorkChunk> nextAttempt)
    {
        RecordDuration(ticks);
        if (!_finished && !IsOwnCancellation(error) && ShouldRetry(error, attempt))
        {
            _retries++;
            var retry = nextAttempt();
            _retrying.Add(retry.Id, retry);
            var delay = _settings.Backoff.DelayFor(attempt);
            if (delay <= TimeSpan.Zero) Self.Tell(new RetryDue(retry), Self);
            else Timers.StartSingleTimer(("retry", retry.Id), new RetryDue(retry), delay);
            return;
        }
        if (IsOwnCancellation(error)) status = TaskOutcome.Cancelled;
        Finalize(index, input, status, default!, error, attempt, ticks);
    }

    private bool IsOwnCancellation(Exception error) => error is OperationCanceledException && _shared.Token.IsCancellationRequested;

    /// <summary>Calls the retry predicate; a predicate that throws counts as "do not retry".</summary>
    private bool ShouldRetry(Exception error, int attempt)
    {
        try
        {
            return _settings.ShouldRetry(error, attempt);
        }
        catch (Exception e)
        {
            Context.GetLogger().Error(e, "Job {0}: the RetryOn predicate threw; the task is not retried", _settings.JobId);
            return false;
        }
    }

    private void OnRetryDue(WorkChunk retry)
    {
        if (!_retrying.Remove(retry.Id)) return; // cancelled meanwhile
        if (IsAsync)
        {
            // The failed attempt gave its permit back when it settled; the next one needs a new permit.
            _readyRetries.Enqueue(retry);
            Pump();
        }
        else Dispatch(retry);
    }

    private void Succeed(long index, TIn input, TOut value, int attempts, long ticks)
    {
        RecordDuration(ticks);
        _succeeded++;
        _finalized++;
        _sink.OnSucceeded(new TaskId(_settings.JobId, index), input, value, attempts, ticks);
    }

    private void Finalize(long index, TIn input, TaskOutcome status, TOut value, Exception? error, int attempts, long ticks)
    {
        if (status == TaskOutcome.Succeeded)
        {
            Succeed(index, input, value, attempts, ticks);
            return;
        }
        switch (status)
        {
            case TaskOutcome.Failed: _failed++; break;
            case TaskOutcome.TimedOut: _timedOut++; break;
            default: _cancelled++; break;
        }
        _finalized++;
        _sink.OnNotSucceeded(new TaskResult<TIn, TOut>(new TaskId(_settings.JobId, index), input, status, default!, error, attempts, Durations.FromStopwatchTicks(ticks)));
    }

    // ---- async ----

    private void OnAsyncTaskCompleted(AsyncChunk<TIn, TOut> chunk, int offset, bool timedOut)
    {
        if (!SettleAsync(chunk, offset)) return;
        var index = chunk.BaseIndex + offset;
        var ticks = chunk.DurationTicks[offset];
        if (chunk.Errors[offset] is not { } error)
        {
            Succeed(index, chunk.InputAt(offset), chunk.Results[offset], chunk.Attempt, ticks);
        }
        else if (timedOut)
        {
            OnTaskFailed(index, chunk.InputAt(offset), chunk.Attempt, TimeoutError(index), ticks, TaskOutcome.TimedOut,
                () => chunk.Slice(NewChunkId(), offset, offset + 1, chunk.Attempt + 1));
        }
        else
        {
            if (_shared.IsFatal(error) && chunk.Worker is { } worker) worker.Tell(new CrashWorker(error), Self);
            OnTaskFailed(index, chunk.InputAt(offset), chunk.Attempt, error, ticks, TaskOutcome.Failed,
                () => chunk.Slice(NewChunkId(), offset, offset + 1, chunk.Attempt + 1));
        }
        Pump();
    }

    private void OnAsyncTaskTimedOut(AsyncChunk<TIn, TOut> chunk, int offset)
    {
        if (!SettleAsync(chunk, offset)) return;
        var index = chunk.BaseIndex + offset;
        var ticks = (long)(_settings.TaskTimeout!.Value.TotalSeconds * Stopwatch.Frequency);
        OnTaskFailed(index, chunk.InputAt(offset), chunk.Attempt, TimeoutError(index), ticks, TaskOutcome.TimedOut,
            () => chunk.Slice(NewChunkId(), offset, offset + 1, chunk.Attempt + 1));
        Pump();
    }

    /// <summary>Marks an async task settled (its permit goes back); false if it already was.</summary>
    private bool SettleAsync(AsyncChunk<TIn, TOut> chunk, int offset)
    {
        if (!_running.ContainsKey(chunk.Id) || chunk.Finalized[offset]) return false;
        chunk.Finalized[offset] = true;
        if (--chunk.Open == 0) _running.Remove(chunk.Id);
        _permits!.Release(1);
        return true;
    }

    private TaskTimeoutException TimeoutError(long index) =>
        new($"Task {new TaskId(_settings.JobId, index)} ran longer than its timeout of {_settings.TaskTimeout}.");
}
