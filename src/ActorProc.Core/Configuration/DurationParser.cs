using System.Globalization;

namespace ActorProc.Core.Configuration;

/// <summary>Parses HOCON durations: a number, optional spaces, an optional unit (default milliseconds), or "infinite".</summary>
internal static class DurationParser
{
    /// <summary>Ticks (100 ns) per unit; every short and long spelling HOCON users expect.</summary>
    private static readonly Dictionary<string, double> TicksPerUnit = BuildUnits();

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says why (unknown unit, no number, range).</summary>
    public static bool TryParse(string text, out TimeSpan value, out string error)
    {
        value = default;
        error = "";
        var trimmed = text.Trim();
        if (trimmed.Equals("infinite", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("inf", StringComparison.OrdinalIgnoreCase))
        {
            value = System.Threading.Timeout.InfiniteTimeSpan;
            return true;
        }

        if (!UnitNumber.TrySplit(trimmed, out var number, out var unit))
        {
            error = "it does not start with a number";
            return false;
        }

        if (!TicksPerUnit.TryGetValue(unit.Length == 0 ? "ms" : unit, out var ticksPerUnit))
        {
            error = $"unknown unit '{unit}' (use ns, us, ms, s, m, h or d, or their long forms like 'seconds')";
            return false;
        }

        var ticks = Math.Round(number * ticksPerUnit);
        if (double.IsNaN(ticks) || ticks >= TimeSpan.MaxValue.Ticks || ticks <= TimeSpan.MinValue.Ticks)
        {
            error = "the duration is out of range";
            return false;
        }

        value = TimeSpan.FromTicks((long)ticks);
        return true;
    }

    private static Dictionary<string, double> BuildUnits()
    {
        var units = new Dictionary<string, double>(StringComparer.Ordinal);
        void Add(double ticks, params string[] names)
        {
            foreach (var name in names)
            {
                units[name] = ticks;
            }
        }

        Add(0.01, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        Add(10, "us", "µs", "micro", "micros", "microsecond", "microseconds");
        Add(TimeSpan.TicksPerMillisecond, "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(TimeSpan.TicksPerSecond, "s", "second", "seconds");
        Add(TimeSpan.TicksPerMinute, "m", "minute", "minutes");
        Add(TimeSpan.TicksPerHour, "h", "hour", "hours");
        Add(TimeSpan.TicksPerDay, "d", "day", "days");
        return units;
    }
}
