namespace ActorProc.TestKit;

// Every expectation here is the default probe's (TestActor); see TestProbe for the semantics.
public abstract partial class TestKit
{
    /// <summary>Expects the default probe's next message to be a <typeparamref name="T"/> and returns it.</summary>
    /// <param name="timeout">How long to wait (dilated); null = <c>actorproc.test.single-expect-default</c> or the remaining time of the enclosing Within.</param>
    /// <exception cref="TestKitAssertionException">Nothing arrived in time, or the message is not a <typeparamref name="T"/>.</exception>
    public T ExpectMsg<T>(TimeSpan? timeout = null) => _testActor.ExpectMsg<T>(timeout);

    /// <summary>Expects the next message to be a <typeparamref name="T"/> satisfying <paramref name="predicate"/>.</summary>
    /// <exception cref="TestKitAssertionException">Nothing arrived in time, or the message does not match.</exception>
    public T ExpectMsg<T>(Predicate<T> predicate, TimeSpan? timeout = null) => _testActor.ExpectMsg(predicate, timeout);

    /// <summary>Expects the next message to equal <paramref name="expected"/> (by <c>Equals</c>).</summary>
    /// <exception cref="TestKitAssertionException">Nothing arrived in time, or the message is different.</exception>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null) => _testActor.ExpectMsg(expected, timeout);

    /// <summary>Waits the whole duration and fails if the default probe receives any message.</summary>
    /// <param name="duration">How long to watch (dilated); null = <c>actorproc.test.expect-no-message-default</c>.</param>
    /// <exception cref="TestKitAssertionException">A message arrived.</exception>
    public void ExpectNoMsg(TimeSpan? duration = null) => _testActor.ExpectNoMsg(duration);

    /// <summary>Expects the next message to be the <see cref="Terminated"/> of <paramref name="target"/> (call <see cref="Watch"/> first).</summary>
    /// <exception cref="TestKitAssertionException">Nothing arrived in time, or something else arrived.</exception>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null) => _testActor.ExpectTerminated(target, timeout);

    /// <summary>Skips messages until one satisfies <paramref name="isTheOne"/>, and returns it.</summary>
    /// <exception cref="TestKitAssertionException">No matching message arrived in time.</exception>
    public object FishForMessage(Predicate<object> isTheOne, TimeSpan? timeout = null) => _testActor.FishForMessage(isTheOne, timeout);

    /// <summary>Receives exactly <paramref name="count"/> messages within the timeout, in arrival order.</summary>
    /// <exception cref="TestKitAssertionException">Fewer arrived in time.</exception>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null) => _testActor.ReceiveN(count, timeout);

    /// <summary>Takes the default probe's next message, or returns null when none arrives in time (no assertion).</summary>
    public object? ReceiveOne(TimeSpan? timeout = null) => _testActor.ReceiveOne(timeout);

    /// <summary>Makes the default probe watch <paramref name="actor"/>; returns once the watch is in place.</summary>
    public IActorRef Watch(IActorRef actor) => _testActor.Watch(actor);

    /// <summary>Makes the default probe stop watching <paramref name="actor"/>.</summary>
    public IActorRef Unwatch(IActorRef actor) => _testActor.Unwatch(actor);

    /// <summary>The asynchronous form of <see cref="ExpectMsg{T}(TimeSpan?)"/>.</summary>
    /// <exception cref="TestKitAssertionException">Nothing arrived in time, or the message is not a <typeparamref name="T"/>.</exception>
    public Task<T> ExpectMsgAsync<T>(TimeSpan? timeout = null) => _testActor.ExpectMsgAsync<T>(timeout);

    /// <summary>The asynchronous form of <see cref="ExpectMsg{T}(Predicate{T}, TimeSpan?)"/>.</summary>
    /// <exception cref="TestKitAssertionException">Nothing arrived in time, or the message does not match.</exception>
    public Task<T> ExpectMsgAsync<T>(Predicate<T> predicate, TimeSpan? timeout = null) => _testActor.ExpectMsgAsync(predicate, timeout);

    /// <summary>The asynchronous form of <see cref="ExpectMsg{T}(T, TimeSpan?)"/>.</summary>
    /// <exception cref="TestKitAssertionException">Nothing arrived in time, or the message is different.</exception>
    public Task<T> ExpectMsgAsync<T>(T expected, TimeSpan? timeout = null) => _testActor.ExpectMsgAsync(expected, timeout);

    /// <summary>The asynchronous form of <see cref="ExpectNoMsg"/>.</summary>
    /// <exception cref="TestKitAssertionException">A message arrived.</exception>
    public Task ExpectNoMsgAsync(TimeSpan? duration = null) => _testActor.ExpectNoMsgAsync(duration);

    /// <summary>The asynchronous form of <see cref="ExpectTerminated"/>.</summary>
    /// <exception cref="TestKitAssertionException">Nothing arrived in time, or something else arrived.</exception>
    public Task<Terminated> ExpectTerminatedAsync(IActorRef target, TimeSpan? timeout = null) => _testActor.ExpectTerminatedAsync(target, timeout);

    /// <summary>The asynchronous form of <see cref="FishForMessage"/>.</summary>
    /// <exception cref="TestKitAssertionException">No matching message arrived in time.</exception>
    public Task<object> FishForMessageAsync(Predicate<object> isTheOne, TimeSpan? timeout = null) => _testActor.FishForMessageAsync(isTheOne, timeout);

    /// <summary>The asynchronous form of <see cref="ReceiveN"/>.</summary>
    /// <exception cref="TestKitAssertionException">Fewer arrived in time.</exception>
    public Task<IReadOnlyList<object>> ReceiveNAsync(int count, TimeSpan? timeout = null) => _testActor.ReceiveNAsync(count, timeout);

    /// <summary>The asynchronous form of <see cref="Watch"/>.</summary>
    public Task<IActorRef> WatchAsync(IActorRef actor) => _testActor.WatchAsync(actor);
}
