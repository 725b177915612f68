using System.Runtime.ExceptionServices;

namespace ActorProc.Core.Actors;

internal sealed partial class ActorCell
{
    /// <summary>True while an async handler's task is pending; the mailbox is suspended meanwhile.</summary>
    private bool _awaiting;


    /// <summary>
    /// Runs an async handler with one-message-at-a-time semantics: continuations are posted back to
    /// this actor, and no other user message is processed until the task completes.
    /// </summary>
    internal void RunAsyncHandler(Func<Task> handler)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(Extras.SyncContext ??= new ActorSynchronizationContext(this));
        Task task;
        try
        {
            task = handler();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
        if (task.IsCompleted)
        {
            ThrowIfFailed(task);
            return;
        }
        _awaiting = true;
        Extras.AsyncEnvelope = _currentEnvelope;
        Mailbox.Suspend();
        task.ContinueWith(
            static (t, state) => ((ActorCell)state!).Mailbox.PostSystem(new AsyncHandlerCompleted(t)),
            this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void RunContinuation(RunContinuation continuation)
    {
        if (_terminated) return;
        var previousContext = SynchronizationContext.Current;
        var previousEnvelope = _currentEnvelope;
        _currentEnvelope = Extras.AsyncEnvelope;
        SynchronizationContext.SetSynchronizationContext(Extras.SyncContext);
        try
        {
            continuation.Callback(continuation.State);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previousContext);
            _currentEnvelope = previousEnvelope;
        }
    }

    private void AsyncHandlerFinished(Task task)
    {
        if (!_awaiting) return;
        _awaiting = false;
        var envelope = Extras.AsyncEnvelope;
        Extras.AsyncEnvelope = default;
        Mailbox.Resume();
        if (task.IsFaulted || task.IsCanceled)
        {
            _currentEnvelope = envelope;
            try
            {
                ThrowIfFailed(task);
            }
            catch (Exception e)
            {
                HandleInvokeFailure(e);
            }
            finally
            {
                _currentEnvelope = default;
            }
        }
        else
        {
            RescheduleReceiveTimeout();
        }
    }

    private static void ThrowIfFailed(Task task)
    {
        if (task.IsFaulted)
        {
            var inner = task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception;
            ExceptionDispatchInfo.Capture(inner).Throw();
        }
        if (task.IsCanceled) throw new TaskCanceledException(task);
    }

    /// <summary>Posts await continuations of an actor's async handler back into the actor.</summary>
    private sealed class ActorSynchronizationContext(ActorCell cell) : SynchronizationContext
    {
        public override void Post(SendOrPostCallback d, object? state) => cell.Mailbox.PostSystem(new RunContinuation(d, state));

        public override void Send(SendOrPostCallback d, object? state) =>
            throw new NotSupportedException($"Synchronous Send into actor {cell.Self} would deadlock; use Post.");

        public override SynchronizationContext CreateCopy() => this;
    }
}
