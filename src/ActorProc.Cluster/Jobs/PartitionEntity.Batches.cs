using ActorProc.Jobs;
using ActorProc.Reports;

namespace ActorProc.Cluster.Jobs;

internal sealed partial class PartitionEntity
{
    /// <summary>
    /// Runs the tasks at <paramref name="offsets"/> on the node's pool and pipes the outcome back
    /// (<see cref="BatchRan"/> or <see cref="BatchRefused"/>); never blocks the actor. A task this
    /// node does not know is recorded as failed, not dropped: a node with another plugin set
    /// reports what it cannot run.
    /// </summary>
    private void RunBatch(int[] offsets)
    {
        var a = _partition.Assignment!;
        var starts = offsets.Select(_partition.StartsOf).ToArray();
        if (!_services.Tasks.TryGet(a.TaskName, out var task))
        {
            var error = $"TaskNotFound: no task named '{a.TaskName}' on node {_services.NodeAddress}";
            Self.Tell(new BatchRan(offsets.Select((o, i) => new ClusterTaskResult(a.FirstIndex + o, TaskOutcome.Failed, null, error, starts[i])).ToArray(), TimeSpan.Zero));
            return;
        }
        var inputs = offsets.Select(o => a.Inputs[o]).ToArray();
        var firstIndex = a.FirstIndex;
        try
        {
            var job = task.CreateJob(_services.Pool, inputs, new JobOptions { JobId = $"{PersistenceId}#{++_batchNumber}" });
            job.RunAsync().ContinueWith<object>(run => run.IsCompletedSuccessfully
                    ? new BatchRan(ToResults(run.Result, offsets, starts, firstIndex), WorkTime(run.Result))
                    : new BatchRefused(run.Exception?.GetBaseException().Message ?? "the batch was cancelled"),
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).PipeTo(Self);
        }
        catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException)
        {
            Self.Tell(new BatchRefused(e.Message)); // the pool is stopping with the node
        }
    }

    /// <summary>Results with absolute task indexes; attempts count earlier runs of the task (from the markers) too.</summary>
    private static ClusterTaskResult[] ToResults(JobReport<string, string> report, int[] offsets, int[] starts, long firstIndex) =>
        report.Results.Select(r =>
        {
            var i = (int)r.Index;
            var error = r.Status == TaskOutcome.Succeeded ? null
                : r.Exception is { } e ? $"{e.GetType().Name}: {e.Message}" : r.Status.ToString();
            return new ClusterTaskResult(firstIndex + offsets[i], r.Status, r.Status == TaskOutcome.Succeeded ? (string?)r.OutputValue : null,
                error, starts[i] - 1 + Math.Max(1, r.Attempts));
        }).ToArray();

    /// <summary>
    /// The time the batch's tasks ran, summed: what sizes the next batch. Not the batch's wall time,
    /// which on a busy node is mostly waiting for a worker behind other partitions' batches.
    /// </summary>
    private static TimeSpan WorkTime(JobReport<string, string> report)
    {
        var ticks = 0L;
        foreach (var result in report.Results) ticks += result.Duration.Ticks;
        return TimeSpan.FromTicks(ticks);
    }

    // Local messages of the entity to itself; they never cross the wire.
    private sealed record BatchRan(IReadOnlyList<ClusterTaskResult> Results, TimeSpan WorkTime);

    private sealed record BatchRefused(string Reason);

    private sealed record RunNextBatch
    {
        public static readonly RunNextBatch Instance = new();
    }

    private sealed record ResendFinished
    {
        public static readonly ResendFinished Instance = new();
    }
}
