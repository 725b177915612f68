using System.Diagnostics;
using ActorProc.TestKit.Internal;

namespace ActorProc.TestKit;

public abstract partial class TestKit
{
    /// <summary>How often AwaitAssert and AwaitCondition retry: often enough to notice quickly, rarely enough to cost nothing.</summary>
    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Runs <paramref name="action"/> and fails if it takes longer than <paramref name="max"/> (dilated).
    /// Expectations inside that give no timeout wait at most the block's remaining time.
    /// </summary>
    /// <exception cref="TestKitAssertionException">The block took too long (or an expectation inside failed).</exception>
    public void Within(TimeSpan max, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var block = _context.Enter(max);
        try
        {
            action();
        }
        finally
        {
            _context.Exit(block);
        }
        CheckWithin(block);
    }

    /// <summary>Like <see cref="Within(TimeSpan, Action)"/>, returning the block's result.</summary>
    /// <exception cref="TestKitAssertionException">The block took too long (or an expectation inside failed).</exception>
    public T Within<T>(TimeSpan max, Func<T> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var block = _context.Enter(max);
        T result;
        try
        {
            result = function();
        }
        finally
        {
            _context.Exit(block);
        }
        CheckWithin(block);
        return result;
    }

    /// <summary>The asynchronous form of <see cref="Within(TimeSpan, Action)"/>.</summary>
    /// <exception cref="TestKitAssertionException">The block took too long (or an expectation inside failed).</exception>
    public async Task WithinAsync(TimeSpan max, Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        // An async method restores the caller's AsyncLocal values when it returns, so no explicit Exit is needed.
        var block = _context.Enter(max);
        await action().ConfigureAwait(false);
        CheckWithin(block);
    }

    /// <summary>Retries <paramref name="assertion"/> until it stops throwing.</summary>
    /// <param name="assertion">Any assertion (xunit's Assert.* or TestKit expectations).</param>
    /// <param name="duration">How long to keep trying (dilated); null = <c>actorproc.test.default-timeout</c> or the remaining time of the enclosing Within.</param>
    /// <param name="interval">Pause between attempts; null = 20 ms.</param>
    /// <exception cref="TestKitAssertionException">Still failing at the end; the inner exception is the last failure.</exception>
    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null) =>
        Sync.Run(AwaitAssertAsync(assertion, duration, interval));

    /// <summary>The asynchronous form of <see cref="AwaitAssert"/>.</summary>
    /// <exception cref="TestKitAssertionException">Still failing at the end; the inner exception is the last failure.</exception>
    public async Task AwaitAssertAsync(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var limit = _context.Resolve(duration, _context.Settings.DefaultTimeout);
        var pause = interval ?? DefaultPollInterval;
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                assertion();
                return;
            }
            catch (Exception e)
            {
                var left = limit - Stopwatch.GetElapsedTime(started);
                if (left <= TimeSpan.Zero)
                    throw new TestKitAssertionException($"assertion still failing after {TestKitContext.Ms(limit)}: {e.Message}", e);
                await Task.Delay(pause < left ? pause : left).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> is true.</summary>
    /// <param name="condition">Polled until true.</param>
    /// <param name="duration">How long to wait (dilated); null = <c>actorproc.test.default-timeout</c> or the remaining time of the enclosing Within.</param>
    /// <param name="message">Says what was awaited, for the failure message.</param>
    /// <exception cref="TestKitAssertionException">Still false at the end.</exception>
    public void AwaitCondition(Func<bool> condition, TimeSpan? duration = null, string? message = null) =>
        Sync.Run(AwaitConditionAsync(condition, duration, message));

    /// <summary>The asynchronous form of <see cref="AwaitCondition"/>.</summary>
    /// <exception cref="TestKitAssertionException">Still false at the end.</exception>
    public async Task AwaitConditionAsync(Func<bool> condition, TimeSpan? duration = null, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = _context.Resolve(duration, _context.Settings.DefaultTimeout);
        var started = Stopwatch.GetTimestamp();
        while (!condition())
        {
            var left = limit - Stopwatch.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
                throw new TestKitAssertionException($"condition not met within {TestKitContext.Ms(limit)}{(message is null ? "" : ": " + message)}");
            await Task.Delay(DefaultPollInterval < left ? DefaultPollInterval : left).ConfigureAwait(false);
        }
    }

    private static void CheckWithin(TestKitContext.WithinBlock block)
    {
        var elapsed = block.Elapsed;
        if (elapsed > block.Max)
            throw new TestKitAssertionException($"expected the block to complete within {TestKitContext.Ms(block.Max)} but it took {TestKitContext.Ms(elapsed)}");
    }
}
