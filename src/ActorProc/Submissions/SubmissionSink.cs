namespace ActorProc.Submissions;

/// <summary>
/// The sink of a pool's submission job: hands each outcome to its <see cref="Submission"/> and frees
/// its window slot at once. When the job ends (pool stopping), the queue is told so that submissions
/// never read by the job are completed too. Job actor only (see <see cref="JobSink{TIn,TOut}"/>).
/// </summary>
internal sealed class SubmissionSink(SubmissionQueue queue) : JobSink<Submission, WorkerPool.NoValue>
{
    public override bool IsStreaming => true; // the source is unbounded: the window must apply

    public override void OnSucceeded(TaskId id, Submission input, WorkerPool.NoValue value, int attempts, long durationTicks)
    {
        input.CompleteSucceeded(attempts, durationTicks);
        queue.Completed();
        Release(1);
    }

    public override void OnNotSucceeded(TaskResult<Submission, WorkerPool.NoValue> result)
    {
        result.Input.CompleteNotSucceeded(result.Status, result.Exception, result.Attempts, result.Duration);
        queue.Completed();
        Release(1);
    }

    public override void Complete(JobCompletion completion) => queue.JobEnded(completion);

    /// <summary>A submission taken from the channel by a pull pending when the job ended: it never started.</summary>
    public override void OnInputAfterEnd(Submission input) => queue.CancelUnstarted(input);
}
