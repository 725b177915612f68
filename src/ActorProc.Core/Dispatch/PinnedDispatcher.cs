using System.Collections.Concurrent;

namespace ActorProc.Core.Dispatch;

/// <summary>
/// Gives every actor its own thread, for actors that make blocking calls (file or database APIs
/// without async, native libraries). The thread lives from the actor's start to its termination.
/// Concurrency contract: <see cref="Execute"/> may be called from any thread; each actor's thread is
/// woken through its own semaphore, which counts schedulings, so none is lost.
/// </summary>
internal sealed class PinnedDispatcher(string id, int throughput, TimeSpan throughputDeadline)
    : MessageDispatcher(id, throughput, throughputDeadline)
{
    private readonly ConcurrentDictionary<Mailbox, PinnedThread> _threads = new();

    internal override void Attach(ActorCell cell)
    {
        var thread = new PinnedThread(cell.Mailbox, $"pinned-{cell.Self.Path.Name}");
        _threads[cell.Mailbox] = thread;
    }

    internal override void Detach(ActorCell cell)
    {
        if (_threads.TryRemove(cell.Mailbox, out var thread)) thread.Stop();
    }

    internal override void Execute(Mailbox mailbox)
    {
        if (_threads.TryGetValue(mailbox, out var thread)) thread.Signal();
        else mailbox.Run(); // detached (terminated) actor: run inline so the closed mailbox's leftovers are handled
    }

    internal override void Shutdown()
    {
        foreach (var thread in _threads.Values) thread.Stop();
        _threads.Clear();
    }

    private sealed class PinnedThread
    {
        private readonly SemaphoreSlim _signal = new(0);
        private readonly Mailbox _mailbox;
        private volatile bool _stopped;

        public PinnedThread(Mailbox mailbox, string name)
        {
            _mailbox = mailbox;
            new Thread(Loop) { IsBackground = true, Name = name }.Start();
        }

        public void Signal() => _signal.Release();

        public void Stop()
        {
            _stopped = true;
            _signal.Release();
        }

        private void Loop()
        {
            while (true)
            {
                // The actor's own dedicated thread sleeps until its mailbox is scheduled; it serves
                // nothing else, so blocking it cannot starve anyone.
                _signal.Wait();
                if (_stopped) return;
                _mailbox.Run();
            }
        }
    }
}
