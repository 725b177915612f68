using System.Diagnostics;

namespace ActorProc.Core.Actors;

public sealed partial class ActorSystem
{
    /// <summary>The root guardian has stopped: every actor has stopped.</summary>
    private void OnRootTerminated() => Complete(forced: false, overran: []);

    /// <summary>The shutdown deadline passed: stop the remaining actors forcibly and say which they were.</summary>
    private void ForceShutdown()
    {
        if (_terminated.Task.IsCompleted) return;
        var overran = new List<string>();
        CollectLiveCells(_rootCell, overran, force: true);
        Log.Warning("Actor system {0} did not stop within {1}; stopped forcibly: {2}", Name, Settings.ShutdownTimeout, string.Join(", ", overran));
        Complete(forced: true, overran);
    }

    private static void CollectLiveCells(ActorCell cell, List<string> paths, bool force)
    {
        foreach (var child in cell.AllChildStats)
            if (child.Child is LocalActorRef { Cell: var childCell }) CollectLiveCells(childCell, paths, force);
        if (cell.IsTerminated) return;
        paths.Add(cell.Self.Path.ToString());
        if (force) cell.ForceTerminate();
    }

    private void Complete(bool forced, IReadOnlyList<string> overran)
    {
        var started = Volatile.Read(ref _terminateStartTicks);
        var elapsed = started == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(started);
        if (!_terminated.TrySetResult(new ShutdownResult(forced, overran, elapsed))) return;
        Interlocked.Exchange(ref _terminating, 1);
        _shutdownDeadline?.Dispose();
        Dispatchers.ShutdownAll();
    }

    /// <summary>Parent of the root guardian: turns the root's death into the system's termination.</summary>
    private sealed class RootSentinel(ActorSystem system, ActorPath path) : ActorRefBase
    {
        public override ActorPath Path => path;
        public override long Uid => 0;
        public override IInternalActorRef Parent => this;
        public override bool IsTerminated => system._terminated.Task.IsCompleted;
        public override void Tell(object message, IActorRef? sender) => system.DeadLetterRef.Publish(message, sender, this);

        public override void SendSystemMessage(SystemMessage message)
        {
            switch (message)
            {
                case DeathWatchNotification:
                    system.OnRootTerminated();
                    break;
                case Failed failed:
                    // The root guardian itself failed: nobody can fix that, so stop everything.
                    system.Log.Error(failed.Cause, "The root guardian failed; terminating actor system {0}", system.Name);
                    ((IInternalActorRef)failed.Child).Stop();
                    break;
            }
        }
    }

    /// <summary>The user and system guardians: parents of top-level actors; they handle no messages.</summary>
    private sealed class Guardian : ActorBase
    {
        protected internal override bool Receive(object message) => false;

        // Top-level actors stay up when a guardian restarts; only the guardian's own state is reset.
        protected override void PreRestart(Exception reason, object? message) { }
    }

    /// <summary>The root: when the user guardian stops, it stops the system guardian, then itself.</summary>
    private sealed class RootGuardian : ActorBase
    {
        private IActorRef? _user;
        private IActorRef? _system;

        protected internal override bool Receive(object message)
        {
            switch (message)
            {
                case WatchGuardians guardians:
                    _user = Context.Watch(guardians.User);
                    _system = Context.Watch(guardians.System);
                    return true;
                case Terminated t when t.ActorRef.Equals(_user):
                    // User actors are gone: stop the runtime's own actors, then the root.
                    if (_system is not null) Context.Stop(_system);
                    return true;
                case Terminated t when t.ActorRef.Equals(_system):
                    Context.Stop(Self);
                    return true;
                default:
                    return false;
            }
        }

        public sealed record WatchGuardians(IActorRef User, IActorRef System);
    }
}
