using System.CommandLine;
using System.Diagnostics;
using Akka.Event;
using ActorProc.Bench.Harness;
using ActorProc.Logging;

namespace ActorProc.Bench.Scenarios;

/// <summary>
/// The cost of the logger's rate-limiting stage (<see cref="RepeatedLogLimiter"/>) on ordinary traffic:
/// 1,000,000 log events, 95 % info lines (never limited: one level check) and 5 % warnings and errors of
/// 50 kinds, each formatted the way <see cref="StandardErrorLogger"/> formats it and written to a null
/// writer (so the terminal does not dominate). Baseline: the same events formatted and written with no
/// limiter. The ratio is the limiter's overhead on the logger's own work.
/// </summary>
internal sealed class LogLimiter : IScenario
{
    private readonly Option<int?> _events = SizeReader.Positive("--events", "Log events per round (default 1,000,000).", 1);

    public string Name => "loglimit";

    public string Summary => "Log events through the repeat limiter vs. none: events/s (formatting included, null output).";

    public IReadOnlyList<Option> Options => [_events];

    public BenchDefinition Define(SizeReader sizes)
    {
        var count = sizes.Get(_events, 1_000_000, 100_000);
        var events = Workload(count);
        return new BenchDefinition
        {
            Name = Name,
            Unit = "events/s",
            Description = $"{count:N0} events (95 % info, 5 % warnings/errors of 50 kinds), formatted, null output",
            Check = "every info line written; warnings written at most once per kind (interval 10 s) with a summary",
            Parameters = [new("events", count)],
            Contenders =
            [
                Contender.Sync("limiter", _ => RunLimited(events)),
                Contender.Sync("no-limiter", _ => RunUnlimited(events)),
            ],
        };
    }

    private static LogEvent[] Workload(int count)
    {
        var cause = new InvalidOperationException("refused");
        return Enumerable.Range(0, count).Select(i => i % 20 == 0
            ? (i % 40 == 0 ? new Error(cause, "transport", typeof(LogLimiter), $"Error caught channel {(char)('a' + i / 20 % 25)}") : new Warning("sharding", typeof(LogLimiter), $"Requested shard homes {(char)('a' + i / 20 % 25)}"))
            : (LogEvent)new Info("membership", typeof(LogLimiter), $"member up: node-{i}")).ToArray();
    }

    private static RoundResult RunLimited(LogEvent[] events)
    {
        var limiter = new RepeatedLogLimiter(TimeSpan.FromSeconds(10));
        var pending = new List<LogEvent>(2);
        var written = 0;
        var started = Stopwatch.GetTimestamp();
        foreach (var e in events)
        {
            limiter.Offer(e, pending);
            foreach (var w in pending) { TextWriter.Null.WriteLine(w.ToString()); written++; }
            pending.Clear();
        }
        limiter.Flush(pending, all: true);
        written += pending.Count;
        var elapsed = Stopwatch.GetElapsedTime(started);
        var infos = events.Count(e => e is Info);
        var correct = written > infos && written < events.Length;
        return RoundResult.Rate(events.Length, elapsed, correct).With("lines_written", written);
    }

    private static RoundResult RunUnlimited(LogEvent[] events)
    {
        var written = 0;
        var started = Stopwatch.GetTimestamp();
        foreach (var e in events) { TextWriter.Null.WriteLine(e.ToString()); written++; }
        var elapsed = Stopwatch.GetElapsedTime(started);
        return RoundResult.Rate(events.Length, elapsed, written == events.Length).With("lines_written", written);
    }
}
