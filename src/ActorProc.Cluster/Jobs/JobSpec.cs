namespace ActorProc.Cluster.Jobs;

/// <summary>
/// A durable job: run the named task on every input, split into partitions of
/// <see cref="PartitionSize"/> inputs. The <see cref="JobId"/> identifies the job across the
/// cluster: submitting a spec with an id that exists returns that job and never runs it twice.
/// </summary>
public sealed record JobSpec
{
    /// <summary>Describes a job.</summary>
    /// <param name="jobId">The job's id: not blank, at most 200 characters.</param>
    /// <param name="taskName">The name of a task in the nodes' <see cref="TaskRegistry"/>.</param>
    /// <param name="inputs">The inputs as text (parsed by the task, as for <c>actorproc run</c>).</param>
    /// <param name="partitionSize">Inputs per partition (at least 1): a partition is the unit that moves between nodes.</param>
    /// <exception cref="ArgumentException">The id or task name is blank, or the id is too long.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> or one of them is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="partitionSize"/> is less than 1.</exception>
    public JobSpec(string jobId, string taskName, IReadOnlyList<string> inputs, int partitionSize = 1000)
    {
        if (string.IsNullOrWhiteSpace(jobId)) throw new ArgumentException("The job id must not be blank.", nameof(jobId));
        if (jobId.Length > 200) throw new ArgumentException($"The job id is {jobId.Length} characters long; at most 200 are allowed.", nameof(jobId));
        if (string.IsNullOrWhiteSpace(taskName)) throw new ArgumentException("The task name must not be blank.", nameof(taskName));
        ArgumentNullException.ThrowIfNull(inputs);
        for (var i = 0; i < inputs.Count; i++)
            if (inputs[i] is null) throw new ArgumentNullException(nameof(inputs), $"Input {i} is null.");
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionSize, 1);
        JobId = jobId;
        TaskName = taskName;
        Inputs = inputs;
        PartitionSize = partitionSize;
    }

    /// <summary>The job's id.</summary>
    public string JobId { get; }

    /// <summary>The task run on every input.</summary>
    public string TaskName { get; }

    /// <summary>The inputs, as text; task <c>i</c> runs on <c>Inputs[i]</c>.</summary>
    public IReadOnlyList<string> Inputs { get; }

    /// <summary>Inputs per partition.</summary>
    public int PartitionSize { get; }

    /// <summary>How many partitions the job has: <c>ceil(Inputs.Count / PartitionSize)</c> (0 for no inputs).</summary>
    public int PartitionCount => (int)((Inputs.Count + (long)PartitionSize - 1) / PartitionSize);

    /// <summary>Index of the first input of partition <paramref name="partition"/>.</summary>
    internal int FirstIndexOf(int partition) => partition * PartitionSize;

    /// <summary>How many inputs partition <paramref name="partition"/> holds.</summary>
    internal int SizeOf(int partition) => Math.Min(PartitionSize, Inputs.Count - FirstIndexOf(partition));
}
