using System.Diagnostics;

namespace ActorProc.TestKit.Internal;

/// <summary>
/// What a TestKit and all of its probes share: the system, the settings, and the deadline of the
/// innermost <c>Within</c> block.
/// <para>
/// Concurrency contract: the <c>Within</c> deadline lives in an <see cref="AsyncLocal{T}"/>, so it applies to
/// the expectations made in the flow that entered the block (including awaits inside
/// <c>WithinAsync</c>) and never leaks into other tests or actors. Everything else is immutable.
/// </para>
/// </summary>
internal sealed class TestKitContext
{
    private readonly AsyncLocal<WithinBlock?> _within = new();

    public TestKitContext(ActorSystem system, TestKitSettings settings)
    {
        System = system;
        Settings = settings;
    }

    public ActorSystem System { get; }

    public TestKitSettings Settings { get; }

    /// <summary>The innermost Within block of the current flow, or null.</summary>
    public WithinBlock? CurrentWithin => _within.Value;

    /// <summary>
    /// The wait of an expectation: the given timeout dilated, or <paramref name="fallback"/> (already dilated);
    /// inside a Within block never longer than the block's remaining time.
    /// </summary>
    public TimeSpan Resolve(TimeSpan? timeout, TimeSpan fallback)
    {
        var wait = timeout is { } t ? Settings.Dilate(t) : fallback;
        if (_within.Value is { } block)
        {
            var remaining = block.Remaining;
            if (timeout is null || remaining < wait) wait = remaining;
        }
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    /// <summary>Enters a Within block; the caller must call <see cref="Exit"/> with the result (sync methods only, so the value flows to the callee).</summary>
    public WithinBlock Enter(TimeSpan max)
    {
        var block = new WithinBlock(Settings.Dilate(max), _within.Value);
        _within.Value = block;
        return block;
    }

    /// <summary>Leaves a Within block.</summary>
    public void Exit(WithinBlock block) => _within.Value = block.Outer;

    /// <summary>Formats a duration for failure messages ("3000 ms").</summary>
    public static string Ms(TimeSpan duration) => $"{duration.TotalMilliseconds:0} ms";

    /// <summary>One Within block: its limit and when it started.</summary>
    internal sealed class WithinBlock(TimeSpan max, WithinBlock? outer)
    {
        private readonly long _started = Stopwatch.GetTimestamp();

        public TimeSpan Max { get; } = max;
        public WithinBlock? Outer { get; } = outer;
        public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

        /// <summary>Time left in this block, and never more than any enclosing block has left.</summary>
        public TimeSpan Remaining
        {
            get
            {
                var own = Max - Elapsed;
                return Outer is null ? own : TimeSpan.FromTicks(Math.Min(own.Ticks, Outer.Remaining.Ticks));
            }
        }
    }
}
