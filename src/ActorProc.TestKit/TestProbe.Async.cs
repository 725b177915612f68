using System.Diagnostics;
using ActorProc.TestKit.Internal;

namespace ActorProc.TestKit;

public sealed partial class TestProbe
{
    /// <summary>Awaits the next message, which must be a <typeparamref name="T"/>.</summary>
    /// <param name="timeout">How long to wait (dilated); null = <c>actorproc.test.single-expect-default</c> or the remaining time of the enclosing Within.</param>
    /// <exception cref="TestKitAssertionException">Nothing arrived in time, or the message is not a <typeparamref name="T"/>.</exception>
    public async Task<T> ExpectMsgAsync<T>(TimeSpan? timeout = null)
    {
        var wait = _context.Resolve(timeout, _context.Settings.SingleExpectDefault);
        var received = await ReceiveOneAsync(wait).ConfigureAwait(false);
        var what = $"message of type {Describe.Type(typeof(T))}";
        if (received is not { } r) throw Missing(what, wait);
        if (r.Message is T typed) return typed;
        throw Unexpected(what, wait, r);
    }

    /// <summary>Awaits the next message, which must be a <typeparamref name="T"/> satisfying <paramref name="predicate"/>.</summary>
    /// <exception cref="TestKitAssertionException">Nothing arrived in time, or the message does not match.</exception>
    public async Task<T> ExpectMsgAsync<T>(Predicate<T> predicate, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var wait = _context.Resolve(timeout, _context.Settings.SingleExpectDefault);
        var received = await ReceiveOneAsync(wait).ConfigureAwait(false);
        var what = $"message of type {Describe.Type(typeof(T))} matching the predicate";
        if (received is not { } r) throw Missing(what, wait);
        if (r.Message is T typed && predicate(typed)) return typed;
        throw Unexpected(what, wait, r);
    }

    /// <summary>Awaits the next message, which must equal <paramref name="expected"/> (by <c>Equals</c>).</summary>
    /// <exception cref="TestKitAssertionException">Nothing arrived in time, or the message is different.</exception>
    public async Task<T> ExpectMsgAsync<T>(T expected, TimeSpan? timeout = null)
    {
        var wait = _context.Resolve(timeout, _context.Settings.SingleExpectDefault);
        var received = await ReceiveOneAsync(wait).ConfigureAwait(false);
        var what = $"message equal to {Describe.Message(expected)}";
        if (received is not { } r) throw Missing(what, wait);
        if (r.Message is T typed && Equals(typed, expected)) return typed;
        throw Unexpected(what, wait, r);
    }

    /// <summary>Waits the whole <paramref name="duration"/> and fails if any message arrives meanwhile.</summary>
    /// <param name="duration">How long to watch (dilated); null = <c>actorproc.test.expect-no-message-default</c>.</param>
    /// <exception cref="TestKitAssertionException">A message arrived.</exception>
    public async Task ExpectNoMsgAsync(TimeSpan? duration = null)
    {
        var wait = _context.Resolve(duration, _context.Settings.ExpectNoMessageDefault);
        if (await ReceiveOneAsync(wait).ConfigureAwait(false) is { } r)
            throw new TestKitAssertionException($"expected no message within {TestKitContext.Ms(wait)} but received {Describe.Received(r)}");
    }

    /// <summary>Awaits the next message, which must be the <see cref="Terminated"/> of <paramref name="target"/> (watch it first).</summary>
    /// <exception cref="TestKitAssertionException">Nothing arrived in time, or something else arrived.</exception>
    public async Task<Terminated> ExpectTerminatedAsync(IActorRef target, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var wait = _context.Resolve(timeout, _context.Settings.SingleExpectDefault);
        var received = await ReceiveOneAsync(wait).ConfigureAwait(false);
        var what = $"Terminated for {target.Path}";
        if (received is not { } r) throw Missing(what, wait);
        if (r.Message is Terminated t && (target.Equals(t.ActorRef) || t.ActorRef.Equals(target))) return t;
        throw Unexpected(what, wait, r);
    }

    /// <summary>Skips messages until one satisfies <paramref name="isTheOne"/>, and returns it.</summary>
    /// <exception cref="TestKitAssertionException">No matching message arrived in time (the skipped ones are listed).</exception>
    public async Task<object> FishForMessageAsync(Predicate<object> isTheOne, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(isTheOne);
        var wait = _context.Resolve(timeout, _context.Settings.SingleExpectDefault);
        var started = Stopwatch.GetTimestamp();
        var skipped = new List<object>();
        while (true)
        {
            var left = wait - Stopwatch.GetElapsedTime(started);
            if (await ReceiveOneAsync(left).ConfigureAwait(false) is not { } r)
                throw new TestKitAssertionException($"expected a message matching the predicate within {TestKitContext.Ms(wait)} but received none that matched" +
                    (skipped.Count == 0 ? "" : $" (skipped {skipped.Count}: {Describe.List(skipped)})"));
            if (isTheOne(r.Message)) return r.Message;
            skipped.Add(r.Message);
        }
    }

    /// <summary>Receives exactly <paramref name="count"/> messages (of any type) within the timeout, in arrival order.</summary>
    /// <exception cref="TestKitAssertionException">Fewer arrived in time.</exception>
    public async Task<IReadOnlyList<object>> ReceiveNAsync(int count, TimeSpan? timeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var wait = _context.Resolve(timeout, _context.Settings.SingleExpectDefault);
        var started = Stopwatch.GetTimestamp();
        var messages = new List<object>(count);
        while (messages.Count < count)
        {
            var left = wait - Stopwatch.GetElapsedTime(started);
            if (await ReceiveOneAsync(left).ConfigureAwait(false) is not { } r)
                throw new TestKitAssertionException($"expected {count} messages within {TestKitContext.Ms(wait)} but received {messages.Count}" +
                    (messages.Count == 0 ? "" : $": {Describe.List(messages)}"));
            messages.Add(r.Message);
        }
        return messages;
    }

    /// <summary>Takes the next message, or returns null when none arrives within <paramref name="timeout"/> (no assertion).</summary>
    public async Task<object?> ReceiveOneAsync(TimeSpan? timeout = null)
    {
        var wait = _context.Resolve(timeout, _context.Settings.SingleExpectDefault);
        return await ReceiveOneAsync(wait).ConfigureAwait(false) is { } r ? r.Message : null;
    }

    /// <summary>True when a message is waiting in the probe's queue.</summary>
    public bool HasMessages => _queue.Reader.Count > 0;

    /// <summary>The core of every expectation: the next message, or null after <paramref name="wait"/>.</summary>
    private async Task<ReceivedMessage?> ReceiveOneAsync(TimeSpan wait)
    {
        var reader = _queue.Reader;
        if (reader.TryRead(out var message)) return Took(message);
        if (wait <= TimeSpan.Zero) return null;
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            while (await reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false))
                if (reader.TryRead(out message)) return Took(message);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            // Timed out: report "nothing" to the caller, which knows what was expected.
        }
        return null;
    }

    private ReceivedMessage Took(ReceivedMessage message)
    {
        _last = message;
        return message;
    }

    private static TestKitAssertionException Missing(string what, TimeSpan wait) =>
        new($"expected {what} within {TestKitContext.Ms(wait)} but received nothing");

    private static TestKitAssertionException Unexpected(string what, TimeSpan wait, ReceivedMessage received) =>
        new($"expected {what} within {TestKitContext.Ms(wait)} but received {Describe.Received(received)}");
}
