namespace ActorProc.Pipelines;

/// <summary>Counters of one run. Concurrency contract: each counter is written by one actor (read: source; succeeded and failed: sink) and read by the sink at the end, after the messages that ordered it.</summary>
internal sealed class PipelineCounters
{
    public long Read;
    public long Succeeded;
    public long Failed;
}
