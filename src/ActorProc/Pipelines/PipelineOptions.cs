using ActorProc.Internal;

namespace ActorProc.Pipelines;

/// <summary>Settings of one pipeline run; invalid values throw <see cref="ArgumentException"/> naming the setting.</summary>
public sealed record PipelineOptions
{
    private readonly int _resultBuffer = 16;

    /// <summary>The defaults: unordered, a result buffer of 16.</summary>
    public static PipelineOptions Default { get; } = new();

    /// <summary>
    /// When true, every stage emits its outputs in the order its inputs arrived, so results come out in
    /// source order (a failed item leaves a gap: it goes to the errors). Costs some parallelism: a slow
    /// item holds back the finished ones behind it. Default: false (each item moves on as soon as it is done).
    /// </summary>
    public bool Ordered { get; init; }

    /// <summary>Results the pipeline produces ahead of the consumer, ≥ 1. Default: 16.</summary>
    public int ResultBuffer { get => _resultBuffer; init => _resultBuffer = Check.AtLeast(value, 1, nameof(ResultBuffer)); }
}
