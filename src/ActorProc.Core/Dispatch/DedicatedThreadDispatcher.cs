using System.Collections.Concurrent;

namespace ActorProc.Core.Dispatch;

/// <summary>
/// A dispatcher with its own fixed set of threads (the CPU dispatcher). Because the threads are not
/// the .NET ThreadPool's, actors that compute for a long time here cannot starve actors, timers or
/// async continuations on the default dispatcher.
/// <para>
/// Concurrency contract: any thread calls <see cref="Execute"/>; the worker threads take mailboxes from
/// one shared FIFO queue. A worker with nothing to do spins briefly, then announces itself idle in
/// <see cref="_idle"/> and waits on <see cref="_wakeup"/>; <see cref="Execute"/> releases the
/// semaphore only when some worker is idle, so busy periods cost no kernel transitions.
/// </para>
/// </summary>
internal sealed class DedicatedThreadDispatcher : MessageDispatcher
{
    private readonly ConcurrentQueue<Mailbox> _work = new();
    private readonly SemaphoreSlim _wakeup = new(0);
    private readonly Thread[] _threads;

    /// <summary>Number of workers that are waiting (or about to wait) on <see cref="_wakeup"/>.</summary>
    private int _idle;

    private volatile bool _shutdown;

    public DedicatedThreadDispatcher(string id, int threadCount, int throughput, TimeSpan throughputDeadline)
        : base(id, throughput, throughputDeadline)
    {
        if (threadCount < 1) throw new ArgumentOutOfRangeException(nameof(threadCount), threadCount, $"dispatcher '{id}' needs at least one thread");
        _threads = new Thread[threadCount];
        for (var i = 0; i < threadCount; i++)
        {
            _threads[i] = new Thread(WorkerLoop) { IsBackground = true, Name = $"{ShortName(id)}-{i + 1}" };
            _threads[i].Start();
        }
    }

    /// <summary>Number of threads serving this dispatcher.</summary>
    public int ThreadCount => _threads.Length;

    internal override void Execute(Mailbox mailbox)
    {
        _work.Enqueue(mailbox);
        // Enqueue is a full fence, so a worker that registered as idle before our read re-checks the
        // queue after registering and finds the mailbox; one that registers after will find it too.
        if (Volatile.Read(ref _idle) > 0) _wakeup.Release();
    }

    internal override void Shutdown()
    {
        _shutdown = true;
        _wakeup.Release(_threads.Length);
    }

    private void WorkerLoop()
    {
        var spinner = new SpinWait();
        while (!_shutdown)
        {
            if (_work.TryDequeue(out var mailbox))
            {
                mailbox.Run();
                spinner.Reset();
                continue;
            }
            if (!spinner.NextSpinWillYield)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
                continue;
            }
            Interlocked.Increment(ref _idle);
            // Lost-wakeup re-check: work may have been queued after our last look but before we were
            // counted as idle, in which case nobody released the semaphore for us. Blocking is the
            // point here: this is one of the dispatcher's own idle threads, never a ThreadPool thread.
            if (_work.IsEmpty && !_shutdown) _wakeup.Wait();
            Interlocked.Decrement(ref _idle);
            spinner.Reset();
        }
    }

    private static string ShortName(string id) => id.Contains('.') ? id[(id.LastIndexOf('.') + 1)..] : id;
}
