namespace ActorProc.Pipelines;

/// <summary>An item that failed in a stage: it left the pipeline there and the pipeline went on.</summary>
/// <param name="Stage">The stage's name.</param>
/// <param name="SourceIndex">0-based position of the original item in the source.</param>
/// <param name="Item">The stage's input (the failed item as that stage saw it).</param>
/// <param name="Exception">What the stage's function threw.</param>
public sealed record PipelineError(string Stage, long SourceIndex, object? Item, Exception Exception);
