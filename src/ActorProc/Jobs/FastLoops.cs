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
