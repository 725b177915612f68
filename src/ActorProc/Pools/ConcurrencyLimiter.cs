using System.Collections.Concurrent;

namespace ActorProc.Pools;

/// <summary>
/// The pool-wide limit on async tasks awaiting at once (<see cref="WorkerPoolOptions.MaxConcurrency"/>).
/// Jobs take permits before dispatching async chunks and give them back as tasks settle; a job that
/// finds none registers as a waiter and is sent <see cref="Jobs.Resume"/> at the next release.
/// <para>
/// Concurrency contract: any thread. <see cref="_available"/> changes by CAS loop (acquire) or
/// Interlocked.Add (release). Waiters may be woken spuriously, never lost: see <see cref="TryAcquire"/>.
/// A waiter is queued at most once (<see cref="_queued"/>): a job that finds no permits on every pump
/// would otherwise pile up entries, and each release would wake it once per entry, a storm of
/// <see cref="Jobs.Resume"/> messages that kept a core busy while an isolated pool's children worked.
/// </para>
/// </summary>
internal sealed class ConcurrencyLimiter(int permits)
{
    private readonly ConcurrentQueue<IActorRef> _waiters = new();
    private readonly ConcurrentDictionary<IActorRef, byte> _queued = new();
    private int _available = permits;

    public int Available => Volatile.Read(ref _available);

    /// <summary>Takes up to <paramref name="wanted"/> permits; returns how many (0 = none, and <paramref name="waiter"/> will be woken).</summary>
    public int TryAcquire(int wanted, IActorRef waiter)
    {
        var registered = false;
        while (true)
        {
            var available = Volatile.Read(ref _available);
            if (available > 0)
            {
                var take = Math.Min(available, wanted);
                if (Interlocked.CompareExchange(ref _available, available - take, available) == available) return take;
                continue;
            }
            if (registered) return 0;
            if (_queued.TryAdd(waiter, 0)) _waiters.Enqueue(waiter);
            registered = true;
            // Lost-wakeup re-check: a release that ran before the enqueue found no waiter to wake, so
            // look once more now that we are queued (a stale queue entry only causes a spurious wake-up).
        }
    }

    public void Release(int count)
    {
        if (count <= 0) return;
        Interlocked.Add(ref _available, count);
        while (_waiters.TryDequeue(out var waiter))
        {
            // Unmark before waking: a waiter that pumps and finds no permits again must be able to re-queue.
            _queued.TryRemove(waiter, out _);
            waiter.Tell(Jobs.Resume.Instance, null);
        }
    }
}
