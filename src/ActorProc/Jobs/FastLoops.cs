namespace ActorProc.Jobs;

/// <summary>
/// The tight loops of the fast path. Each runs tasks over a short index range and stops at the first
/// exception, returning the index it reached (the failing index, with <c>error</c> set, or
/// <c>end</c>). Keeping each loop in its own small method with its own try block lets the JIT keep
/// the loop in registers; callers check for cancellation between ranges and resume after a failure.
/// </summary>
internal static class FastLoops
{
    /// <summary>How many tasks run between two checks for a stopping job.</summary>
    public const int Stride = 4096;

    public static int ListToArray<TIn, TOut>(Func<TIn, TOut> work, IReadOnlyList<TIn> list, TOut[] values, int i, int end, out Exception? error)
    {
        try
        {
            for (; i < end; i++) values[i] = work(list[i]);
            error = null;
            return end;
        }
        catch (Exception e)
        {
            error = e;
            return i;
        }
    }

    public static int ListDiscard<TIn, TOut>(Func<TIn, TOut> work, IReadOnlyList<TIn> list, int i, int end, out Exception? error)
    {
        try
        {
            for (; i < end; i++) work(list[i]);
            error = null;
            return end;
        }
        catch (Exception e)
        {
            error = e;
            return i;
        }
    }

    /// <summary>
    /// The loop of every fast chunk while a listener records task durations: one task at a time, each
    /// one's run time (the time since the previous task ended) recorded to <paramref name="timer"/>.
    /// Inputs come from <paramref name="inputs"/> at <c>offset + i</c>, or from <paramref name="list"/>
    /// at <c>i</c>; values go to <paramref name="values"/> at <c>i</c> (null: discarded). A failed
    /// task's time is recorded too: its attempt ended.
    /// </summary>
    public static int Timed<TIn, TOut>(Func<TIn, TOut> work, IReadOnlyList<TIn>? list, TIn[]? inputs, int offset, TOut[]? values, int i, int end,
        PoolMetrics timer, out Exception? error)
    {
        var last = Stopwatch.GetTimestamp();
        try
        {
            for (; i < end; i++)
            {
                var value = work(inputs is null ? list![i] : inputs[offset + i]);
                if (values is not null) values[i] = value;
                var now = Stopwatch.GetTimestamp();
                timer.TaskDuration(now - last);
                last = now;
            }
            error = null;
            return end;
        }
        catch (Exception e)
        {
            timer.TaskDuration(Stopwatch.GetTimestamp() - last);
            error = e;
            return i;
        }
    }

    /// <summary>Inputs from <paramref name="inputs"/> at <c>offset + i</c>; values to <paramref name="values"/> at <c>i</c> (null: discarded).</summary>
    public static int BufferToArray<TIn, TOut>(Func<TIn, TOut> work, TIn[] inputs, int offset, TOut[]? values, int i, int end, out Exception? error)
    {
        try
        {
            if (values is null)
                for (; i < end; i++) work(inputs[offset + i]);
            else
                for (; i < end; i++) values[i] = work(inputs[offset + i]);
            error = null;
            return end;
        }
        catch (Exception e)
        {
            error = e;
            return i;
        }
    }
}
