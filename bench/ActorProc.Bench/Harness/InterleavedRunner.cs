using System.Globalization;

namespace ActorProc.Bench.Harness;

/// <summary>
/// Runs the contenders of one bench interleaved: a warm-up round of each first, then
/// round 1 of A, B, C, round 2 of A, B, C, and so on, so that drift in the machine's state
/// (frequency scaling, other load, heap growth) spreads evenly over the contenders instead
/// of favouring whoever ran first.
/// </summary>
/// <remarks>
/// Rounds run one at a time on the calling thread, which blocks while a round runs: the
/// bench driver is deliberately not a thread-pool thread, so it never competes with the
/// pool the contenders measure. A full blocking GC runs before each round so one round's
/// garbage is not collected on the next round's clock.
/// </remarks>
internal static class InterleavedRunner
{
    /// <summary>Runs every round of <paramref name="bench"/>; progress lines go to <paramref name="log"/>.</summary>
    public static RunOutcome Run(BenchDefinition bench, RunSettings settings, TextWriter log)
    {
        var samples = bench.Contenders.Select(_ => new List<RoundResult>()).ToArray();
        var failures = new List<string>();
        string? error = null;

        try
        {
            for (var w = 0; w < settings.WarmupRounds; w++)
            {
                foreach (var contender in bench.Contenders)
                {
                    RunOne(bench, contender, new RoundContext(true, w), settings, log, failures);
                }
            }

            for (var r = 0; r < settings.Rounds; r++)
            {
                for (var i = 0; i < bench.Contenders.Count; i++)
                {
                    samples[i].Add(RunOne(bench, bench.Contenders[i], new RoundContext(false, r), settings, log, failures));
                }
            }
        }
        catch (RoundFailedException ex)
        {
            error = ex.Message;
            log.WriteLine($"{bench.Name}: {error}");
        }

        var contenderSamples = bench.Contenders
            .Select((c, i) => new ContenderSamples(c.Name, samples[i]))
            .ToArray();
        return new RunOutcome(contenderSamples, failures, error);
    }

    private static RoundResult RunOne(
        BenchDefinition bench,
        Contender contender,
        RoundContext context,
        RunSettings settings,
        TextWriter log,
        List<string> failures)
    {
        Settle();
        var label = context.IsWarmup
            ? $"warm-up {context.Round + 1}/{settings.WarmupRounds}"
            : $"round {context.Round + 1}/{settings.Rounds}";

        RoundResult result;
        try
        {
            // Blocking here is the point (see the remarks above); WaitAsync bounds a hung round.
            result = contender.RunRound(context).WaitAsync(settings.RoundTimeout).GetAwaiter().GetResult();
        }
        catch (TimeoutException)
        {
            throw new RoundFailedException(
                $"{contender.Name} {label} did not finish within {settings.RoundTimeout.TotalSeconds:0} s");
        }
        catch (Exception ex)
        {
            throw new RoundFailedException($"{contender.Name} {label} threw {ex.GetType().Name}: {ex.Message}", ex);
        }

        if (!result.Correct)
        {
            failures.Add($"{contender.Name} {label}: {result.Failure ?? "wrong result"}");
        }

        log.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{bench.Name}: {label} {contender.Name,-16} {TableWriter.FormatValue(result.Value),14} {bench.RoundUnit ?? bench.Unit}{(result.Correct ? "" : "  WRONG: " + result.Failure)}"));
        return result;
    }

    private static void Settle()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    /// <summary>A round threw or timed out; the run stops and reports what it has.</summary>
    private sealed class RoundFailedException(string message, Exception? inner = null) : Exception(message, inner);
}
