namespace ActorProc.Remote.Faults;

/// <summary>
/// The faults injected into the traffic with one node. Immutable: the injector swaps whole rules, so the
/// writer loop always sees a consistent one.
/// </summary>
/// <param name="Blackhole">Nothing is sent to or accepted from the node (heartbeats included).</param>
/// <param name="DropProbability">Chance (0..1) that an outgoing message is silently lost.</param>
/// <param name="DuplicateProbability">Chance (0..1) that an outgoing message is sent twice.</param>
/// <param name="Delay">Added before each write to the node (order is kept).</param>
public sealed record FaultRule(bool Blackhole = false, double DropProbability = 0, double DuplicateProbability = 0, TimeSpan Delay = default)
{
    internal bool ShouldDrop() => DropProbability > 0 && Random.Shared.NextDouble() < DropProbability;

    internal bool ShouldDuplicate() => DuplicateProbability > 0 && Random.Shared.NextDouble() < DuplicateProbability;
}
