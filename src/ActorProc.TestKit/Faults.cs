using ActorProc.TestKit.Internal;

namespace ActorProc.TestKit;

/// <summary>
/// Props of small misbehaving actors for fault-injection tests: one that throws on a given message
/// type, one that hangs on it until released, one that fails to start. Each echoes every other message
/// back to its sender (when there is one), so a test can check that the actor is alive, e.g. after a
/// restart. The props create a new instance at every (re)start, as supervision requires.
/// </summary>
public static class Faults
{
    /// <summary>
    /// An actor that throws <paramref name="exception"/> whenever it receives a <typeparamref name="TMessage"/>,
    /// so its supervisor's strategy decides what happens (restart by default). Other messages are echoed.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is null.</exception>
    public static Props ThrowOn<TMessage>(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return ThrowOn<TMessage>(_ => exception);
    }

    /// <summary>
    /// An actor that throws the exception made by <paramref name="exceptionFactory"/> from each
    /// <typeparamref name="TMessage"/> it receives (e.g. to carry the message in the exception). Other messages are echoed.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="exceptionFactory"/> is null.</exception>
    public static Props ThrowOn<TMessage>(Func<TMessage, Exception> exceptionFactory)
    {
        ArgumentNullException.ThrowIfNull(exceptionFactory);
        return Props.Create(() => new FaultyActor(throwFor: message => message is TMessage m ? exceptionFactory(m) : null));
    }

    /// <summary>
    /// An actor that, on each <typeparamref name="TMessage"/>, takes no further user message until
    /// <paramref name="release"/> is signalled once (it awaits the semaphore; no thread is blocked, and
    /// system messages such as Stop still get through), then echoes that message to its sender. Use it to
    /// fill a mailbox deterministically or to simulate a worker stuck on a slow call. Other messages are echoed.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="release"/> is null.</exception>
    public static Props HangOn<TMessage>(SemaphoreSlim release)
    {
        ArgumentNullException.ThrowIfNull(release);
        return Props.Create(() => new FaultyActor(hangFor: message => message is TMessage ? release.WaitAsync() : null));
    }

    /// <summary>
    /// An actor whose start (<c>PreStart</c>) throws <paramref name="exception"/>: its supervisor sees an
    /// <see cref="ActorInitializationException"/> wrapping it, which the default strategy answers by stopping it.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is null.</exception>
    public static Props FailOnStart(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return Props.Create(() => new FaultyActor(startFailure: exception));
    }
}
