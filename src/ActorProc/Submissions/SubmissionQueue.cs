using System.Threading.Channels;

namespace ActorProc.Submissions;

/// <summary>
/// The path of <c>WorkerPool.Submit</c>: one long-running job per pool (one for synchronous and one for
/// asynchronous tasks) whose input source is an unbounded channel of <see cref="Submission"/>s. A submit
/// is a channel write; the job actor pulls whatever has arrived, cuts it into chunks for the workers,
/// and applies retries, timeouts, fatal-error restarts and the in-flight window exactly as for any other
/// job. One job actor per submitted task cost 50–100 µs each; this costs a few object allocations.
/// <para>
/// Concurrency contract: <see cref="TryEnqueue"/> and <see cref="NextId"/> from any thread;
/// <see cref="Close"/> from the pool's stop (any thread, idempotent); <see cref="Completed"/> and
/// <see cref="JobEnded"/> from the job actor. Once the writer is completed no submission can be added,
/// so the drain in <see cref="JobEnded"/> sees every submission the job did not read.
/// </para>
/// </summary>
internal sealed class SubmissionQueue
{
    private readonly Channel<Submission> _channel = Channel.CreateUnbounded<Submission>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _jobId;
    private long _nextIndex = -1;
    private long _pending;
    private volatile bool _ended;
    private string _endReason = "the pool stopped";

    private SubmissionQueue(string jobId) => _jobId = jobId;

    /// <summary>Starts the submission job of <paramref name="pool"/> for sync or async tasks.</summary>
    public static SubmissionQueue Start(WorkerPool pool, string poolName, bool async)
    {
        var queue = new SubmissionQueue($"{poolName}-{(async ? "submit-async" : "submit")}");
        var settings = pool.Settings(new JobOptions { JobId = queue._jobId });
        var shared = async
            ? new JobShared<Submission, WorkerPool.NoValue>(settings, null, RunAsync)
            : new JobShared<Submission, WorkerPool.NoValue>(settings, Run, null);
        queue.Control = pool.Start(shared, InputSource<Submission>.From(queue._channel.Reader.ReadAllAsync()), new SubmissionSink(queue), CancellationToken.None);
        return queue;
    }

    /// <summary>The running submission job (the pool drains it like any job).</summary>
    public JobControl Control { get; private set; } = null!;

    /// <summary>Submissions accepted and not yet completed.</summary>
    public long Pending => Interlocked.Read(ref _pending);

    /// <summary>True once the job ended; a pool that is still running then starts a new queue.</summary>
    public bool HasEnded => _ended;

    /// <summary>The id of the next submission: this queue's job id and a sequence number.</summary>
    public TaskId NextId() => new(_jobId, Interlocked.Increment(ref _nextIndex));

    /// <summary>Adds a submission; false when the queue is closed (the pool is stopping).</summary>
    public bool TryEnqueue(Submission submission)
    {
        Interlocked.Increment(ref _pending);
        if (_channel.Writer.TryWrite(submission)) return true;
        Interlocked.Decrement(ref _pending);
        return false;
    }

    /// <summary>No more submissions: the job finishes what it has and ends.</summary>
    public void Close() => _channel.Writer.TryComplete();

    /// <summary>Job actor: one submission got its outcome.</summary>
    public void Completed() => Interlocked.Decrement(ref _pending);

    /// <summary>
    /// Job actor: the job is over (the pool stopped, or it was cancelled). Closes the queue and cancels
    /// every submission the job never read, so that no handle waits forever.
    /// </summary>
    public void JobEnded(JobCompletion completion)
    {
        _ended = true;
        Close();
        _endReason = completion.Reason ?? "the pool stopped";
        while (_channel.Reader.TryRead(out var unread)) CancelUnstarted(unread);
    }

    /// <summary>Job actor, after the job ended: completes a submission the job never ran as cancelled.</summary>
    public void CancelUnstarted(Submission submission)
    {
        submission.CompleteNotSucceeded(TaskOutcome.Cancelled,
            new OperationCanceledException($"Task {submission.Id} did not start: {_endReason}."), 0, TimeSpan.Zero);
        Completed();
    }

    private static WorkerPool.NoValue Run(Submission submission)
    {
        submission.Run();
        return default;
    }

    private static async Task<WorkerPool.NoValue> RunAsync(Submission submission, CancellationToken token)
    {
        await submission.RunAsync(token).ConfigureAwait(false);
        return default;
    }
}
