namespace ActorProc.Jobs;

internal sealed partial class JobActor<TIn, TOut>
{
    /// <summary>
    /// Dispatches chunks while there is room: for sync jobs two chunks per worker (one running, one
    /// queued, so a worker never waits for the job), for async jobs as many tasks as the pool's permits
    /// allow; always within the in-flight window. Then checks whether the job is complete.
    /// </summary>
    private void Pump()
    {
        if (_router is null) return; // not admitted yet: OnAdmitted pumps
        while (!_finished && _readyRetries.Count > 0 && _permits!.TryAcquire(1, Self) == 1) Dispatch(_readyRetries.Dequeue());
        while (!_finished && !_sourceDone && !_pullPending)
        {
            if (!IsAsync && _running.Count >= 2 * _workers) break;
            // A list source buffers nothing, so unless outcomes stream to a consumer who may lag, the
            // window has nothing to bound (and would only cap chunk sizes).
            var window = _source.List is not null && !_sink.IsStreaming ? long.MaxValue : _settings.MaxInFlight - InFlight;
            if (window <= 0 && !_hasCarry)
            {
                if (_sink.TryPark(_pulled, _settings.MaxInFlight)) break;
                continue;
            }
            var size = NextChunkSize(Math.Max(window, 1));
            if (IsAsync)
            {
                size = _permits!.TryAcquire(size, Self);
                if (size == 0) break;
            }
            if (!DispatchFromSource(size)) break;
        }
        if (!_finished) CheckCompleted();
    }

    /// <summary>
    /// Starts the lease path when it applies: a sync job over a list, unguarded, with automatic chunk
    /// sizes and no recycling, whose values go straight to an array (or nowhere).
    /// </summary>
    private void StartLease()
    {
        if (IsAsync || _shared.Guarded || _source.List is not { Count: > 0 } list || _settings.ChunkSize is not null
            || _settings.MaxTasksPerWorker is not null || (_sink.DirectResults is null && !_sink.DiscardsValues)) return;
        _lease = new RangeLease<TIn, TOut>(_shared, Self, NewChunkId(), list.Count, _workers);
        _pulled = list.Count;
        _sourceDone = true;
        _leaseOpen = list.Count;
        _peakInFlight = list.Count;
        // Broadcast: every worker takes part; a worker busy elsewhere joins late or finds nothing left.
        _router!.Tell(new Broadcast(_lease), Self);
    }

    private int NextChunkSize(long window)
    {
        int size;
        if (IsAsync) size = _settings.ChunkSize ?? 16; // async tasks wait rather than compute: a small batch only saves messages
        else size = _sizer.Next(_source.Count is { } total ? total - _pulled : -1);
        if (_settings.MaxTasksPerWorker is { } max) size = Math.Min(size, max); // a worker recycles at most one chunk late
        // One chunk may take at most its share of the window, so that every worker gets a chunk.
        if (window != long.MaxValue) size = (int)Math.Min(size, Math.Max(1, _settings.MaxInFlight / (2L * _workers)));
        return (int)Math.Min(size, window);
    }

    /// <summary>Pulls up to <paramref name="size"/> inputs and dispatches them as one chunk; false when nothing could be pulled.</summary>
    private bool DispatchFromSource(int size)
    {
        if (_source.List is { } list)
        {
            var count = (int)Math.Min(size, list.Count - _pulled);
            if (count <= 0)
            {
                _sourceDone = true;
                ReturnPermits(size);
                return false;
            }
            var chunkBase = _pulled;
            _pulled += count;
            if (_pulled >= list.Count) _sourceDone = true;
            ReturnPermits(size - count);
            Dispatch(NewChunk(chunkBase, count, attempt: 1, inputs: null));
            return true;
        }
        var buffer = PullInto(size, out var filled, out var firstIndex);
        ReturnPermits(size - filled);
        if (filled == 0) return false;
        Dispatch(NewChunk(firstIndex, filled, attempt: 1, buffer));
        return true;
    }

    /// <summary>Pulls inputs of an enumerated source into a new buffer (the carried input first).</summary>
    private TIn[]? PullInto(int size, out int filled, out long firstIndex)
    {
        TIn[]? buffer = null;
        filled = 0;
        firstIndex = _pulled - (_hasCarry ? 1 : 0);
        if (_hasCarry)
        {
            buffer = new TIn[size];
            buffer[filled++] = _carry;
            _hasCarry = false;
            _carry = default!;
        }
        while (filled < size && TryPullOne(out var item))
        {
            buffer ??= new TIn[size];
            buffer[filled++] = item;
        }
        return buffer;
    }

    /// <summary>Pulls one input; false at the end of the source, on a source error, or when an async pull is pending.</summary>
    private bool TryPullOne(out TIn item)
    {
        item = default!;
        if (_sourceDone || _pullPending) return false;
        try
        {
            if (!_source.IsAsync)
            {
                if (!_source.TryNext(out item))
                {
                    _sourceDone = true;
                    return false;
                }
                _pulled++;
                return true;
            }
            var next = _source.MoveNextAsync(_shared.Token);
            if (!next.IsCompleted)
            {
                _pullPending = true;
                var self = Self;
                next.AsTask().ContinueWith(static (t, s) => ((IActorRef)s!).Tell(new PullCompleted(t), null), self,
                    CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                return false;
            }
            if (!CompletedValue(next))
            {
                _sourceDone = true;
                return false;
            }
            item = _source.AsyncCurrent;
            _pulled++;
            return true;
        }
        catch (Exception e)
        {
            SourceFailed(e);
            return false;
        }
    }

    private void OnPullCompleted(Task<bool> moveNext)
    {
        _pullPending = false;
        if (moveNext.IsCompletedSuccessfully)
        {
            if (CompletedValue(moveNext))
            {
                _carry = _source.AsyncCurrent;
                _hasCarry = true;
                _pulled++;
            }
            else _sourceDone = true;
        }
        else if (moveNext.IsCanceled && _shared.Token.IsCancellationRequested) _sourceDone = true; // the job is stopping anyway
        else SourceFailed(moveNext.Exception?.InnerException ?? new OperationCanceledException("The input source cancelled its enumeration."));
        Pump();
    }

    /// <summary>
    /// The job finished while an async pull was pending (Finish left the source open for it). An input the
    /// pull delivered was never part of the job; the sink decides what it means (by default nothing, like
    /// any input never read). Then the source can be disposed.
    /// </summary>
    private void OnPullCompletedAfterFinish(Task<bool> moveNext)
    {
        if (!_pullPending) return;
        _pullPending = false;
        if (moveNext.IsCompletedSuccessfully && CompletedValue(moveNext)) _sink.OnInputAfterEnd(_source.AsyncCurrent);
        if (_source.Dispose() is { } error) Context.GetLogger().Warning("Job {0}: disposing its input source failed: {1}", _settings.JobId, error.Message);
        Context.Stop(Self);
    }

    // Both helpers read operations that have completed, so they return at once and never block.
    private static bool CompletedValue(ValueTask<bool> completed) => completed.GetAwaiter().GetResult();
    private static bool CompletedValue(Task<bool> completed) => completed.GetAwaiter().GetResult();

    private void SourceFailed(Exception error)
    {
        _sourceError ??= error;
        _sourceDone = true;
        Context.GetLogger().Warning("Job {0}: reading its inputs failed after {1} input(s): {2}", _settings.JobId, _pulled, error.Message);
    }

    private WorkChunk NewChunk(long baseIndex, int count, int attempt, TIn[]? inputs) => IsAsync
        ? new AsyncChunk<TIn, TOut>(_shared, Self, NewChunkId(), baseIndex, count, attempt, inputs, 0)
        : new SyncChunk<TIn, TOut>(_shared, Self, NewChunkId(), baseIndex, count, attempt, inputs, 0);

    private void Dispatch(WorkChunk chunk)
    {
        _running.Add(chunk.Id, chunk);
        if (InFlight > _peakInFlight) _peakInFlight = InFlight;
        _router!.Tell(chunk, Self);
    }

    /// <summary>Re-sends offsets [from, to) of a sync chunk as a new chunk on the same attempt (they never ran).</summary>
    private void Redispatch(SyncChunk<TIn, TOut> chunk, int from, int to)
    {
        if (from >= to) return;
        Dispatch(chunk.Slice(NewChunkId(), from, to, chunk.Attempt));
    }

    private void ReturnPermits(int count)
    {
        if (IsAsync && count > 0) _permits!.Release(count);
    }
}
