namespace ActorProc.Jobs;

/// <summary>
/// Where a job's inputs come from: a random-access list (workers read inputs by index, nothing is
/// copied), an enumerator (the job actor pulls inputs into chunk buffers as the window allows), or an
/// async enumerator (pulled the same way; a pull that does not complete at once is finished by a
/// message). Job actor only.
/// </summary>
internal sealed class InputSource<TIn>
{
    private readonly IEnumerable<TIn>? _enumerable;
    private readonly IAsyncEnumerable<TIn>? _asyncEnumerable;
    private IEnumerator<TIn>? _enumerator;
    private IAsyncEnumerator<TIn>? _asyncEnumerator;

    private InputSource(IReadOnlyList<TIn>? list, IEnumerable<TIn>? enumerable, IAsyncEnumerable<TIn>? asyncEnumerable, long? count)
    {
        List = list;
        _enumerable = enumerable;
        _asyncEnumerable = asyncEnumerable;
        Count = count;
    }

    /// <summary>Number of inputs when known up front (lists and collections).</summary>
    public long? Count { get; }

    /// <summary>The inputs as a random-access list, or null for enumerated sources.</summary>
    public IReadOnlyList<TIn>? List { get; }

    public bool IsAsync => _asyncEnumerable is not null;

    public static InputSource<TIn> From(IEnumerable<TIn> inputs) => inputs switch
    {
        IReadOnlyList<TIn> list => new(list, null, null, list.Count),
        IList<TIn> list => new(new ListAdapter(list), null, null, list.Count),
        _ => new(null, inputs, null, inputs.TryGetNonEnumeratedCount(out var n) ? n : null),
    };

    public static InputSource<TIn> From(IAsyncEnumerable<TIn> inputs) => new(null, null, inputs, null);

    /// <summary>Pulls the next input of a synchronous enumerated source; false at the end. User code: may throw.</summary>
    public bool TryNext(out TIn item)
    {
        var e = _enumerator ??= _enumerable!.GetEnumerator();
        if (e.MoveNext())
        {
            item = e.Current;
            return true;
        }
        item = default!;
        return false;
    }

    /// <summary>Starts the next pull of an async source. User code: may throw.</summary>
    public ValueTask<bool> MoveNextAsync(CancellationToken token) =>
        (_asyncEnumerator ??= _asyncEnumerable!.GetAsyncEnumerator(token)).MoveNextAsync();

    /// <summary>The input of an async source after a pull that returned true.</summary>
    public TIn AsyncCurrent => _asyncEnumerator!.Current;

    /// <summary>
    /// Disposes the enumerator. Must not be called while an async pull is pending. Disposal errors are
    /// returned rather than thrown, so the job can still complete.
    /// </summary>
    public Exception? Dispose()
    {
        try
        {
            _enumerator?.Dispose();
            if (_asyncEnumerator is { } asyncEnumerator)
            {
                var pending = asyncEnumerator.DisposeAsync();
                // An async dispose that does not finish at once is left to finish on its own; its
                // failure is observed so it cannot surface as an unobserved task exception.
                if (!pending.IsCompleted) _ = pending.AsTask().ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
            }
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
        finally
        {
            _enumerator = null;
            _asyncEnumerator = null;
        }
    }

    /// <summary>Read-only view of an <see cref="IList{T}"/> that is not an <see cref="IReadOnlyList{T}"/>.</summary>
    private sealed class ListAdapter(IList<TIn> list) : IReadOnlyList<TIn>
    {
        public TIn this[int index] => list[index];
        public int Count => list.Count;
        public IEnumerator<TIn> GetEnumerator() => list.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => list.GetEnumerator();
    }
}
