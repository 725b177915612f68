namespace ActorProc.Cluster.Chaos;

/// <summary>
/// A job whose every result is known in advance: the spec that is submitted and, for task <c>i</c>, the
/// output JSON that a correct run records (computed locally by whoever made the job).
/// </summary>
public sealed record ExpectedJob
{
    /// <summary>Pairs a spec with its expected outputs.</summary>
    /// <param name="spec">The job as submitted.</param>
    /// <param name="expectedOutputs">The output JSON of task <c>i</c> at index <c>i</c>; one per input.</param>
    /// <exception cref="ArgumentException">The counts differ.</exception>
    public ExpectedJob(JobSpec spec, IReadOnlyList<string> expectedOutputs)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(expectedOutputs);
        if (expectedOutputs.Count != spec.Inputs.Count)
            throw new ArgumentException($"{expectedOutputs.Count} expected outputs for {spec.Inputs.Count} inputs; give one per input.", nameof(expectedOutputs));
        Spec = spec;
        ExpectedOutputs = expectedOutputs;
    }

    /// <summary>The job as submitted.</summary>
    public JobSpec Spec { get; }

    /// <summary>The output JSON a correct run records for each task, in input order.</summary>
    public IReadOnlyList<string> ExpectedOutputs { get; }
}
