using System.Diagnostics;

namespace ActorProc.Core.Actors;

/// <summary>Request-reply on top of Tell.</summary>
public static class AskExtensions
{
    /// <summary>
    /// Sends <paramref name="message"/> with a temporary reply-to ref as sender and completes with the
    /// first reply. A <see cref="Status.Failure"/> reply faults the task with its cause.
    /// </summary>
    /// <param name="target">The actor to ask.</param>
    /// <param name="message">The request.</param>
    /// <param name="timeout">How long to wait; null = <c>actorproc.actor.ask-timeout</c>; <see cref="Timeout.InfiniteTimeSpan"/> = forever.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="AskTimeoutException">No reply within the timeout; the message names the target and the time.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the message names the target and the time waited.</exception>
    /// <exception cref="InvalidCastException">The reply is not a <typeparamref name="T"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is zero or negative (and not infinite).</exception>
    public static async Task<T> Ask<T>(this IActorRef target, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        var system = SystemOf(target) ?? throw new ArgumentException($"Cannot ask {target}: it does not belong to an actor system in this process.", nameof(target));
        var wait = timeout ?? system.Settings.AskTimeout;
        if (wait <= TimeSpan.Zero && wait != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(timeout), wait, $"Ask to {target.Path}: the timeout must be positive.");

        var promise = new PromiseActorRef(system, system.NextTempPath());
        var started = Stopwatch.GetTimestamp();
        target.Tell(message, promise);
        object reply;
        try
        {
            reply = await promise.Result.WaitAsync(wait, system.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e) when (!ReferenceEquals(e, promise.Result.Exception?.InnerException))
        {
            // (The filter lets a Status.Failure reply whose cause is itself a TimeoutException pass through unchanged.)
            promise.Expire();
            throw new AskTimeoutException($"Ask timed out on [{target.Path}] after [{wait.TotalMilliseconds:0} ms]: no reply to {message.GetType().Name}.", e);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            promise.Expire();
            throw new OperationCanceledException($"Ask to [{target.Path}] was cancelled after [{Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms] without a reply to {message.GetType().Name}.", e, cancellationToken);
        }
        return reply switch
        {
            T typed => typed,
            null when default(T) is null => default!,
            _ => throw new InvalidCastException($"Ask to [{target.Path}] expected a reply of type {typeof(T).Name} but got {reply?.GetType().Name ?? "null"}."),
        };
    }

    private static ActorSystem? SystemOf(IActorRef actor) => actor switch
    {
        LocalActorRef local => local.Cell.System,
        IActorRefWithSystem withSystem => withSystem.System,
        _ => null,
    };
}

/// <summary>Refs that know their actor system (e.g. remote refs), so that Ask works on them.</summary>
internal interface IActorRefWithSystem
{
    ActorSystem System { get; }
}

/// <summary>The temporary reply-to ref of one Ask: the first message completes it; later ones are dead letters.</summary>
internal sealed class PromiseActorRef(ActorSystem system, ActorPath path) : ActorRefBase, IActorRefWithSystem
{
    private readonly TaskCompletionSource<object> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<object> Result => _result.Task;
    public ActorSystem System => system;
    public override ActorPath Path => path;
    public override long Uid => 0;
    public override IInternalActorRef Parent => system.DeadLetterRef;
    public override bool IsTerminated => _result.Task.IsCompleted;

    public override void Tell(object message, IActorRef? sender)
    {
        var completed = message is Status.Failure failure ? _result.TrySetException(failure.Cause) : _result.TrySetResult(message);
        if (!completed) system.DeadLetterRef.Publish(message, sender, this);
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch && _result.Task.IsCompleted)
            ((IInternalActorRef)watch.Watcher).SendSystemMessage(new DeathWatchNotification(this, ExistenceConfirmed: true));
    }

    /// <summary>The asker gave up: later replies become dead letters.</summary>
    public void Expire() => _result.TrySetCanceled();
}
