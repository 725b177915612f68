namespace ActorProc.Pipelines;

/// <summary>How a pipeline run ended.</summary>
/// <param name="Read">Items read from the source.</param>
/// <param name="Succeeded">Items that came out of the last stage.</param>
/// <param name="Failed">Items that failed in some stage.</param>
/// <param name="Errors">The failed items, in the order they failed.</param>
public sealed record PipelineSummary(long Read, long Succeeded, long Failed, IReadOnlyList<PipelineError> Errors);
