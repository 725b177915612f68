namespace ActorProc.Bench.Harness;

/// <summary>
/// A <see cref="BenchDefinition.Normalize"/> for time-per-round benches reported as a speed-up: each
/// round's milliseconds become the reference contender's milliseconds of the same round index (so both
/// saw the same machine state) over this one's, the milliseconds kept as the extra <c>ms</c>. The
/// reference is therefore exactly 1.
/// </summary>
internal static class SpeedUp
{
    public static Func<IReadOnlyList<ContenderSamples>, IReadOnlyList<ContenderSamples>> Over(string reference) => samples =>
    {
        var rounds = samples.FirstOrDefault(s => s.Name == reference)?.Rounds ?? [];
        return samples
            .Select(s => s with
            {
                Rounds = s.Rounds
                    .Select((r, i) => (r with { Value = Statistics.Ratio(i < rounds.Count ? rounds[i].Value : double.NaN, r.Value) }).With("ms", r.Value))
                    .ToArray(),
            })
            .ToArray();
    };
}
