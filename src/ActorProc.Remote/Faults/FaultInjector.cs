using System.Collections.Concurrent;
using ActorProc.Core.Actors;

namespace ActorProc.Remote.Faults;

/// <summary>
/// Injects network faults into this node's traffic with a given node, for tests and chaos experiments:
/// <see cref="Blackhole"/> (a partition as seen from this node), <see cref="Drop"/>, <see cref="Duplicate"/> and
/// <see cref="Delay"/>. Faults apply to messages written to the node; a blackhole also ignores everything received
/// from it, so heartbeats stop and remote death watch reacts as to a real partition. Blackhole both nodes for a
/// symmetric partition. Get it from <see cref="Remoting.Faults"/>.
/// <para>Concurrency contract: thread-safe; a change applies to the next batch written.</para>
/// </summary>
public sealed class FaultInjector
{
    private readonly ConcurrentDictionary<Address, FaultRule> _rules = new();
    private volatile bool _any;

    /// <summary>Drops all traffic with <paramref name="address"/> until <see cref="Clear"/>.</summary>
    public void Blackhole(Address address) => Update(address, rule => rule with { Blackhole = true });

    /// <summary>Loses each message to <paramref name="address"/> with the given probability (0..1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The probability is outside 0..1.</exception>
    public void Drop(Address address, double probability) => Update(address, rule => rule with { DropProbability = Probability(probability) });

    /// <summary>Sends each message to <paramref name="address"/> twice with the given probability (0..1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The probability is outside 0..1.</exception>
    public void Duplicate(Address address, double probability) => Update(address, rule => rule with { DuplicateProbability = Probability(probability) });

    /// <summary>Holds every write to <paramref name="address"/> back by <paramref name="delay"/> (order is kept).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The delay is negative.</exception>
    public void Delay(Address address, TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Update(address, rule => rule with { Delay = delay });
    }

    /// <summary>Removes every fault for <paramref name="address"/>.</summary>
    public void Clear(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        _rules.TryRemove(address, out _);
        _any = !_rules.IsEmpty;
    }

    /// <summary>Removes every fault for every node.</summary>
    public void ClearAll()
    {
        _rules.Clear();
        _any = false;
    }

    /// <summary>The faults for <paramref name="address"/>, or null when there are none.</summary>
    public FaultRule? RuleFor(Address address) => _any && _rules.TryGetValue(address, out var rule) ? rule : null;

    /// <summary>True while traffic with <paramref name="address"/> is blackholed.</summary>
    public bool IsBlackholed(Address address) => RuleFor(address) is { Blackhole: true };

    private void Update(Address address, Func<FaultRule, FaultRule> change)
    {
        ArgumentNullException.ThrowIfNull(address);
        _rules.AddOrUpdate(address, _ => change(new FaultRule()), (_, rule) => change(rule));
        _any = true;
    }

    private static double Probability(double p) =>
        p is >= 0 and <= 1 ? p : throw new ArgumentOutOfRangeException(nameof(p), p, "A probability must be between 0 and 1.");
}
