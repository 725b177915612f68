using ActorProc.Pools;

namespace ActorProc.Jobs;

internal sealed partial class JobActor<TIn, TOut>
{
    /// <summary>Looks for sync tasks running longer than the task timeout (guarded chunks only).</summary>
    private void OnWatchdogTick()
    {
        var limit = (long)(_settings.TaskTimeout!.Value.TotalSeconds * Stopwatch.Frequency);
        var now = Stopwatch.GetTimestamp();
        List<(SyncChunk<TIn, TOut> Chunk, int Claimed)>? stuck = null;
        foreach (var chunk in _running.Values)
        {
            if (chunk is not SyncChunk<TIn, TOut> { Guarded: true } sync) continue;
            var claimed = sync.ReclaimedFrom >= 0 ? sync.ReclaimedFrom : sync.Cursor;
            if (claimed > sync.Done && now - sync.ItemStartedAt > limit) (stuck ??= []).Add((sync, claimed));
        }
        if (stuck is null) return;
        foreach (var (chunk, claimed) in stuck) TimeOutRunningTask(chunk, claimed, now);
        Pump();
    }

    /// <summary>
    /// The task in progress in <paramref name="chunk"/> looked stuck. Takes back the chunk's unstarted
    /// tasks; if the worker has not moved on meanwhile, the task is timed out (or retried), the chunk
    /// abandoned (its late reply is ignored) and the worker replaced, since its thread is lost to us.
    /// </summary>
    private void TimeOutRunningTask(SyncChunk<TIn, TOut> chunk, int observedClaimed, long now)
    {
        if (chunk.ReclaimedFrom < 0)
        {
            var from = chunk.TakeBackUnstarted();
            chunk.ReclaimedFrom = from;
            Redispatch(chunk, from, chunk.Count);
            if (from > observedClaimed) return; // it moved on after all: its reply will come
        }
        var done = chunk.Done;
        AccountFinished(chunk, chunk.Accounted, done);
        if (done >= chunk.ReclaimedFrom) return; // it just finished: its reply will come
        _running.Remove(chunk.Id);
        var offset = done;
        OnTaskFailed(chunk.BaseIndex + offset, chunk.InputAt(offset), chunk.Attempt, TimeoutError(chunk.BaseIndex + offset),
            now - chunk.ItemStartedAt, TaskOutcome.TimedOut, () => chunk.Slice(NewChunkId(), offset, offset + 1, chunk.Attempt + 1));
        if (chunk.Worker is { } worker)
            Context.Parent.Tell(new ReplaceWorker(worker, $"task {new TaskId(_settings.JobId, chunk.BaseIndex + offset)} ran past its timeout of {_settings.TaskTimeout}"), Self);
    }

    /// <summary>A worker was replaced: chunks queued behind a stuck task would never run, so take back every unstarted chunk and send it again.</summary>
    private void OnWorkersChanged()
    {
        foreach (var chunk in _running.Values.ToArray())
        {
            switch (chunk)
            {
                case SyncChunk<TIn, TOut> sync when sync.ReclaimedFrom < 0:
                    var from = sync.TakeBackUnstarted();
                    if (from < 0) break; // a fast chunk that already started: it runs to its end
                    sync.ReclaimedFrom = from;
                    if (from == 0) _running.Remove(sync.Id);
                    Redispatch(sync, from, sync.Count);
                    break;
                case AsyncChunk<TIn, TOut> async when async.TakeBackUnstarted():
                    _running.Remove(async.Id);
                    Dispatch(async.Slice(NewChunkId(), 0, async.Count, async.Attempt)); // keeps the permits it holds
                    break;
            }
        }
        Pump();
    }

    /// <summary>
    /// Ends the job early (cancellation, pool stop, deadline): nothing more starts, and every task not
    /// finished gets its final state now — running ones Cancelled (TimedOut at a deadline), unstarted
    /// ones Cancelled. The job does not wait for running sync tasks, which cannot be interrupted.
    /// </summary>
    private void Stop(JobOutcome outcome, string reason)
    {
        if (_finished) return;
        _shared.Stop();
        var runningStatus = outcome == JobOutcome.DeadlineExceeded ? TaskOutcome.TimedOut : TaskOutcome.Cancelled;
        var cancel = new OperationCanceledException($"Job {_settings.JobId} {reason}.");
        Exception RunningError(long index) => runningStatus == TaskOutcome.TimedOut
            ? new TaskTimeoutException($"Task {new TaskId(_settings.JobId, index)} was still running when job {_settings.JobId}'s {reason}.")
            : cancel;
        foreach (var chunk in _running.Values.ToArray())
        {
            if (chunk is SyncChunk<TIn, TOut> sync) StopSyncChunk(sync, runningStatus, RunningError, cancel);
            else StopAsyncChunk((AsyncChunk<TIn, TOut>)chunk, runningStatus, RunningError, cancel);
        }
        _running.Clear();
        if (_leaseOpen > 0)
        {
            // Lease tasks are not tracked one by one (lease jobs only report counts and failures).
            _cancelled += _leaseOpen;
            _finalized += _leaseOpen;
            _leaseOpen = 0;
        }
        foreach (var retry in _retrying.Values.Concat(_readyRetries)) CancelUnstarted(retry, cancel);
        _retrying.Clear();
        _readyRetries.Clear();
        if (_hasCarry)
        {
            _hasCarry = false;
            Finalize(_pulled - 1, _carry, TaskOutcome.Cancelled, default!, cancel, 0, 0);
        }
        CancelUnread(cancel);
        Finish(outcome, reason);
    }

    private void StopSyncChunk(SyncChunk<TIn, TOut> chunk, TaskOutcome runningStatus, Func<long, Exception> runningError, Exception cancel)
    {
        if (!chunk.Guarded)
        {
            // Fast chunks are not tracked per task; their consumers only need the counts.
            var open = chunk.Count - chunk.Accounted;
            _cancelled += open;
            _finalized += open;
            chunk.TakeBackUnstarted();
            return;
        }
        var limit = chunk.ReclaimedFrom >= 0 ? chunk.ReclaimedFrom : chunk.Count;
        if (chunk.ReclaimedFrom < 0) chunk.ReclaimedFrom = chunk.TakeBackUnstarted();
        var done = chunk.Done;
        AccountFinished(chunk, chunk.Accounted, done);
        for (var i = done; i < limit; i++)
        {
            var index = chunk.BaseIndex + i;
            var started = i < chunk.ReclaimedFrom;
            Finalize(index, chunk.InputAt(i), started ? runningStatus : TaskOutcome.Cancelled, default!,
                started ? runningError(index) : cancel, started ? chunk.Attempt : chunk.Attempt - 1, 0);
        }
    }

    private void StopAsyncChunk(AsyncChunk<TIn, TOut> chunk, TaskOutcome runningStatus, Func<long, Exception> runningError, Exception cancel)
    {
        var started = !chunk.TakeBackUnstarted();
        for (var i = 0; i < chunk.Count; i++)
        {
            if (chunk.Finalized[i]) continue;
            chunk.Finalized[i] = true;
            var index = chunk.BaseIndex + i;
            Finalize(index, chunk.InputAt(i), started ? runningStatus : TaskOutcome.Cancelled, default!,
                started ? runningError(index) : cancel, started ? chunk.Attempt : chunk.Attempt - 1, 0);
            _permits!.Release(1);
        }
    }

    /// <summary>Cancels a single-task retry chunk that has not started.</summary>
    private void CancelUnstarted(WorkChunk retry, Exception cancel)
    {
        var input = retry is SyncChunk<TIn, TOut> s ? s.InputAt(0) : ((AsyncChunk<TIn, TOut>)retry).InputAt(0);
        Finalize(retry.BaseIndex, input, TaskOutcome.Cancelled, default!, cancel, retry.Attempt - 1, 0);
    }

    /// <summary>
    /// Reports the inputs never read as Cancelled when that is cheap and finite: list sources always;
    /// collections are read to the end. Lazy sources are left unread (their size may be unbounded).
    /// </summary>
    private void CancelUnread(Exception cancel)
    {
        if (_sourceDone || _source.Count is not { } total) return;
        if (_sink.AcceptsFastChunks)
        {
            var open = total - _pulled;
            _cancelled += open;
            _finalized += open;
            _pulled = total;
            return;
        }
        if (_source.List is { } list)
        {
            for (; _pulled < total; _pulled++) Finalize(_pulled, list[(int)_pulled], TaskOutcome.Cancelled, default!, cancel, 0, 0);
        }
        else if (!_source.IsAsync)
        {
            try
            {
                while (_source.TryNext(out var item)) Finalize(_pulled++, item, TaskOutcome.Cancelled, default!, cancel, 0, 0);
            }
            catch (Exception e)
            {
                SourceFailed(e);
            }
        }
        _sourceDone = true;
    }

    private void CheckCompleted()
    {
        if (_sourceDone && !_pullPending && !_hasCarry && _leaseOpen == 0 && _running.Count == 0 && _retrying.Count == 0 && _readyRetries.Count == 0)
            Finish(JobOutcome.Completed, null);
    }

    /// <summary>Completes the job exactly once: final progress, source disposal, the sink, then the actor stops.</summary>
    private void Finish(JobOutcome outcome, string? reason, Exception? error = null)
    {
        if (_finished) return;
        _finished = true;
        _shared.Stop();
        Timers.CancelAll();
        var disposeError = _pullPending ? null : _source.Dispose(); // a pending async pull ends with the cancelled token
        ReportProgress(final: true);
        var completion = new JobCompletion(_settings.JobId, outcome, _startedAt, Stopwatch.GetElapsedTime(_startedTicks),
            _pulled, _succeeded, _failed, _timedOut, _cancelled, _retries, _peakInFlight, reason,
            _sourceError ?? error ?? disposeError, _userToken);
        try
        {
            _sink.Complete(completion);
        }
        catch (Exception e)
        {
            Context.GetLogger().Error(e, "Job {0}: completing its result failed", _settings.JobId);
        }
        PublishMetrics();
        _metrics.JobCompleted(outcome);
        _control.MarkCompleted();
        // A pending async pull ends soon (the job's token is cancelled) and may carry an input taken out
        // of the source: stay alive to hand it to the sink (see OnPullCompletedAfterFinish).
        if (!_pullPending) Context.Stop(Self);
    }

    private void ReportProgress(bool final = false)
    {
        if (_settings.Progress is not { } progress) return;
        var elapsed = Stopwatch.GetElapsedTime(_startedTicks);
        var completed = _finalized + Math.Max(0, (_lease?.Processed ?? 0) - _leaseRan); // lease tasks run but not reported yet
        var throughput = elapsed > TimeSpan.Zero ? completed / elapsed.TotalSeconds : 0;
        TimeSpan? eta = _source.Count is { } total && throughput > 0 ? TimeSpan.FromSeconds(Math.Max(0, total - completed) / throughput) : null;
        var report = new JobProgress(_settings.JobId, completed, _succeeded, _failed, _timedOut, _cancelled, _retries,
            Math.Max(0, InFlight), _source.Count, elapsed, throughput, final ? TimeSpan.Zero : eta, final);
        try
        {
            progress.Report(report);
        }
        catch (Exception e)
        {
            Context.GetLogger().Warning("Job {0}: the progress callback threw {1}: {2}", _settings.JobId, e.GetType().Name, e.Message);
        }
    }
}
