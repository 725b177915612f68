namespace ActorProc.Core.Actors;

internal sealed partial class ActorCell
{
    private enum LifecycleState : byte { Running, Recreating, Terminating }

    private LifecycleState _state;

    private bool _finishedTerminate;

    /// <summary>
    /// The child whose escalated failure made this actor fail. It is already suspended by its own failure,
    /// so it is not suspended again, and it is resumed with the failure's cause when this actor is resumed
    /// or restarted (otherwise it would stay failed and suspended for good).
    /// </summary>
    private IActorRef? _perpetrator;

    public bool IsTerminating => _state == LifecycleState.Terminating;
    private bool IsFailed => _extras?.FailedCause is not null;

    /// <summary>The actor threw: suspend it and its children, and ask the parent what to do.</summary>
    private void HandleInvokeFailure(Exception cause, IActorRef? perpetrator = null)
    {
        if (_terminated || _finishedTerminate)
        {
            System.Log.Error(cause, "{0} failed after it terminated", Self);
            return;
        }
        if (IsTerminating)
        {
            // Stopping anyway: the failure cannot change the outcome, but it must not vanish.
            System.Log.Error(cause, "{0} failed while stopping", Self);
            return;
        }
        if (IsFailed)
        {
            System.Log.Error(cause, "{0} failed again while awaiting its supervisor's decision", Self);
            return;
        }
        Extras.FailedCause = cause;
        Extras.FailedMessage = _currentEnvelope.Message;
        _perpetrator = perpetrator;
        Mailbox.Suspend();
        SuspendChildren(except: perpetrator);
        Parent.SendSystemMessage(new Failed(Self, cause, Uid));
    }

    /// <summary>A child failed: apply the supervisor strategy, or fail ourselves to escalate.</summary>
    private void HandleFailedChild(Failed failed)
    {
        var stats = GetChildStats(failed.Child);
        if (stats is null || failed.Uid != ((failed.Child as ActorRefBase)?.Uid ?? failed.Uid)) return; // stale: an old incarnation or a child already gone
        if (stats.IsStopping) return;
        var strategy = Extras.Strategy ??= Props.SupervisorStrategy ?? _actor?.GetSupervisorStrategy() ?? SupervisorStrategy.DefaultStrategy;
        if (!strategy.HandleFailure(this, stats, failed.Cause, AllChildStats))
            HandleInvokeFailure(failed.Cause, failed.Child); // escalate: this actor fails with the child's cause
    }

    /// <summary>Directive Restart (system message): PreRestart on the old instance, then a fresh one.</summary>
    private void FaultRecreate(Exception cause)
    {
        if (IsTerminating || _terminated) return;
        if (!IsFailed)
        {
            // A restart of a healthy actor (AllForOne sibling): suspend like a failure would have.
            Extras.FailedCause = cause;
            Mailbox.Suspend();
            SuspendChildren();
        }
        var failedActor = _actor;
        if (failedActor is not null)
        {
            CancelTimersAndReceiveTimeout();
            UnstashAllOnRestart(failedActor);
            try
            {
                failedActor.AroundPreRestart(cause, Extras.FailedMessage);
            }
            catch (Exception e)
            {
                System.Log.Error(e, "{0}: PreRestart threw; the restart goes on", Self);
            }
        }
        if (AllChildStats.Any(c => c.IsStopping))
        {
            _state = LifecycleState.Recreating;
            Extras.RecreateCause = cause;
        }
        else
        {
            FinishRecreate(cause);
        }
    }

    private void FinishRecreate(Exception cause)
    {
        _state = LifecycleState.Running;
        if (_extras is { } extras)
        {
            extras.RecreateCause = null;
            extras.Strategy = null;
            extras.FailedCause = null;
            extras.FailedMessage = null;
        }
        var perpetrator = _perpetrator;
        _perpetrator = null;
        ActorBase fresh;
        try
        {
            fresh = NewActor();
            _actor = fresh;
        }
        catch (Exception e)
        {
            _actor = null;
            HandleInvokeFailure(e as ActorInitializationException ?? new ActorInitializationException(Self, $"Exception while re-creating {Self}: {e.Message}", e));
            return;
        }
        // Resume before PostRestart so a failure in it is handled like any other (the mailbox is suspended again).
        Mailbox.Resume();
        ResumeChildren(cause, perpetrator);
        try
        {
            fresh.AroundPostRestart(cause);
        }
        catch (Exception e)
        {
            HandleInvokeFailure(new ActorInitializationException(Self, $"PostRestart of {Self} threw: {e.Message}", e));
        }
    }

    /// <summary>Parent is failing: hold user messages here and below.</summary>
    private void FaultSuspend()
    {
        Mailbox.Suspend();
        SuspendChildren();
    }

    /// <summary>Directive Resume, or the parent resumed after a suspension.</summary>
    private void FaultResume(Exception? causedByFailure)
    {
        if (_actor is null && causedByFailure is not null)
        {
            // Resuming an actor whose creation failed is meaningless: create it again instead.
            FaultRecreate(causedByFailure);
            return;
        }
        IActorRef? perpetrator = null;
        if (causedByFailure is not null)
        {
            Extras.FailedCause = null;
            Extras.FailedMessage = null;
            perpetrator = _perpetrator;
            _perpetrator = null;
        }
        Mailbox.Resume();
        ResumeChildren(causedByFailure, perpetrator);
    }

    /// <summary>Stop (system message): children first, then PostStop, then tell watchers.</summary>
    private void BeginTerminate()
    {
        if (IsTerminating || _terminated) return;
        _state = LifecycleState.Terminating;
        CancelTimersAndReceiveTimeout();
        UnwatchWatchedActors();
        Mailbox.Suspend();
        if (HasChildren) StopAllChildren();
        else FinishTerminate();
    }

    /// <summary>A child has terminated and was removed from the children.</summary>
    private void HandleChildTerminated(IActorRef child)
    {
        switch (_state)
        {
            case LifecycleState.Terminating when !HasChildren:
                FinishTerminate();
                break;
            case LifecycleState.Recreating when !AllChildStats.Any(c => c.IsStopping):
                FinishRecreate(Extras.RecreateCause!);
                break;
        }
    }

    private void FinishTerminate()
    {
        if (_finishedTerminate) return;
        _finishedTerminate = true;
        var actor = _actor;
        if (actor is not null)
        {
            try
            {
                actor.AroundPostStop();
            }
            catch (Exception e)
            {
                System.Log.Error(e, "{0}: PostStop threw", Self);
            }
            DropStash(actor);
        }
        Mailbox.Close();
        _terminated = true;
        try
        {
            Dispatcher.Detach(this);
        }
        finally
        {
            TellWatchersWeDied();
            _actor = null;
            _behavior = null;
            _extras = null;
        }
    }

    /// <summary>
    /// Forced stop during shutdown of an actor that did not stop in time (e.g. blocked in a handler):
    /// its mailbox is closed from outside so nothing more is delivered to it. Any thread.
    /// </summary>
    internal void ForceTerminate()
    {
        _terminated = true;
        Mailbox.ForceClose();
    }
}
