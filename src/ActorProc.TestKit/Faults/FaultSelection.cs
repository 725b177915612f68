using System.Globalization;

namespace ActorProc.TestKit.Faults;

/// <summary>Which calls a rule selects; null selectors do not constrain. Checked once, when the rule is added.</summary>
internal sealed record FaultSelection<TIn>(long? OnCall, Func<TIn, bool>? When, double? Probability, int Seed, int? FirstAttempts)
{
    public static FaultSelection<TIn> Create(long? onCall, Func<TIn, bool>? when, double? probability, int seed, int? firstAttempts)
    {
        if (onCall is < 1) throw new ArgumentOutOfRangeException(nameof(onCall), onCall, "Calls are numbered from 1.");
        if (probability is { } p && !(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(probability), probability, "A probability is in [0, 1].");
        if (firstAttempts is < 1) throw new ArgumentOutOfRangeException(nameof(firstAttempts), firstAttempts, "At least the first attempt must be selected.");
        return new(onCall, when, probability, seed, firstAttempts);
    }

    public override string ToString()
    {
        var parts = new List<string>();
        if (OnCall is { } n) parts.Add($"on call {n}");
        if (When is not null) parts.Add("when the input matches");
        if (Probability is { } p) parts.Add($"with probability {p.ToString(CultureInfo.InvariantCulture)} (seed {Seed})");
        if (FirstAttempts is { } k) parts.Add($"on the first {k} attempt(s) of an input");
        return parts.Count == 0 ? "on every call" : string.Join(", ", parts);
    }
}
