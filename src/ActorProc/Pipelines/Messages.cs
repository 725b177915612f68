namespace ActorProc.Pipelines;

/// <summary>Downstream to upstream: send me up to <paramref name="Count"/> more items.</summary>
internal sealed record Demand(int Count);

/// <summary>Upstream to downstream: one item, with its position in the source.</summary>
internal sealed record StageItem(long SourceIndex, object? Value);

/// <summary>Upstream to downstream: no more items; <paramref name="Error"/> is set when the upstream failed or the run was cancelled.</summary>
internal sealed record UpstreamDone(Exception? Error);

/// <summary>Tells a stage who its upstream is (stages are created from the last to the first).</summary>
internal sealed record ConnectUpstream(IActorRef Upstream);

/// <summary>A stage to its worker: run the function on <paramref name="Value"/>.</summary>
internal sealed record StageWork(long Seq, long SourceIndex, object? Value);

/// <summary>A worker (or an async task) to its stage: the function finished.</summary>
internal sealed record StageWorkDone(long Seq, long SourceIndex, object? Input, object? Output, Exception? Error, IActorRef? Worker);

/// <summary>A stage to the sink: an item failed here.</summary>
internal sealed record StageFailed(PipelineError Error);

/// <summary>The run was cancelled.</summary>
internal sealed record CancelPipeline(OperationCanceledException Reason);
