using ActorProc.TestKit.Internal;

namespace ActorProc.TestKit;

// The synchronous expectations block the test thread on their async twins; see Sync for why that is safe.
public sealed partial class TestProbe
{
    /// <summary>Expects the next message to be a <typeparamref name="T"/> and returns it.</summary>
    /// <param name="timeout">How long to wait (dilated); null = <c>actorproc.test.single-expect-default</c> or the remaining time of the enclosing Within.</param>
    /// <exception cref="TestKitAssertionException">Nothing arrived in time, or the message is not a <typeparamref name="T"/>.</exception>
    public T ExpectMsg<T>(TimeSpan? timeout = null) => Sync.Run(ExpectMsgAsync<T>(timeout));

    /// <summary>Expects the next message to be a <typeparamref name="T"/> satisfying <paramref name="predicate"/>.</summary>
    /// <exception cref="TestKitAssertionException">Nothing arrived in time, or the message does not match.</exception>
    public T ExpectMsg<T>(Predicate<T> predicate, TimeSpan? timeout = null) => Sync.Run(ExpectMsgAsync(predicate, timeout));

    /// <summary>Expects the next message to equal <paramref name="expected"/> (by <c>Equals</c>).</summary>
    /// <exception cref="TestKitAssertionException">Nothing arrived in time, or the message is different.</exception>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null) => Sync.Run(ExpectMsgAsync(expected, timeout));

    /// <summary>Waits the whole duration and fails if any message arrives.</summary>
    /// <param name="duration">How long to watch (dilated); null = <c>actorproc.test.expect-no-message-default</c>.</param>
    /// <exception cref="TestKitAssertionException">A message arrived.</exception>
    public void ExpectNoMsg(TimeSpan? duration = null) => Sync.Run(ExpectNoMsgAsync(duration));

    /// <summary>Expects the next message to be the <see cref="Terminated"/> of <paramref name="target"/> (watch it first).</summary>
    /// <exception cref="TestKitAssertionException">Nothing arrived in time, or something else arrived.</exception>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null) => Sync.Run(ExpectTerminatedAsync(target, timeout));

    /// <summary>Skips messages until one satisfies <paramref name="isTheOne"/>, and returns it.</summary>
    /// <exception cref="TestKitAssertionException">No matching message arrived in time.</exception>
    public object FishForMessage(Predicate<object> isTheOne, TimeSpan? timeout = null) => Sync.Run(FishForMessageAsync(isTheOne, timeout));

    /// <summary>Receives exactly <paramref name="count"/> messages within the timeout, in arrival order.</summary>
    /// <exception cref="TestKitAssertionException">Fewer arrived in time.</exception>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null) => Sync.Run(ReceiveNAsync(count, timeout));

    /// <summary>Takes the next message, or returns null when none arrives in time (no assertion).</summary>
    public object? ReceiveOne(TimeSpan? timeout = null) => Sync.Run(ReceiveOneAsync(timeout));
}
