using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ActorProc.Cli.Commands;

/// <summary>
/// Option factories with validation: a bad value becomes a parse error (one line on stderr, exit 2)
/// instead of an exception later. Durations need a unit (<c>500ms</c>, <c>30s</c>, <c>10m</c>,
/// <c>1h</c>, <c>1d</c>); sizes accept <c>KiB</c>/<c>MiB</c>/<c>GiB</c> suffixes (and K/M/G, also 1024-based).
/// </summary>
internal static class ValueParsers
{
    /// <summary>An integer option that must lie in [<paramref name="minimum"/>, <paramref name="maximum"/>] when given.</summary>
    public static Option<long?> AtLeast(string name, string description, long minimum, long maximum = long.MaxValue) => new(name)
    {
        Description = description,
        HelpName = "N",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                result.AddError($"{name}: '{text}' is not a whole number.");
            else if (value < minimum) result.AddError($"{name} must be at least {minimum} (got {value}).");
            else if (value > maximum) result.AddError($"{name} must be at most {maximum.ToString("N0", CultureInfo.InvariantCulture)} (got {value}).");
            else return value;
            return null;
        },
    };

    /// <summary>A duration option (&gt; 0, with a unit).</summary>
    public static Option<TimeSpan?> Duration(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "DURATION",
        CustomParser = result => Parse<TimeSpan>(result, name, TryParseDuration, "a duration with a unit, e.g. 500ms, 30s, 10m, 1h"),
    };

    /// <summary>A byte-size option (suffixes KiB, MiB, GiB) that must lie in [<paramref name="minimum"/>, <paramref name="maximum"/>] when given.</summary>
    public static Option<long?> ByteSize(string name, string description, long minimum, long maximum) => new(name)
    {
        Description = description,
        HelpName = "BYTES",
        CustomParser = result =>
        {
            var value = Parse<long>(result, name, TryParseByteSize, "a positive size, e.g. 65536, 64KiB, 8MiB");
            if (value is not { } size) return null;
            if (size >= minimum && size <= maximum) return size;
            result.AddError($"{name} must be between {Size(minimum)} and {Size(maximum)} (got {result.Tokens[0].Value}).");
            return null;
        },
    };

    /// <summary>A size the way the options take it: 16KiB, 1GiB, or bytes.</summary>
    public static string Size(long bytes) => bytes switch
    {
        _ when bytes >= 1L << 30 && bytes % (1L << 30) == 0 => $"{bytes >> 30}GiB",
        _ when bytes >= 1L << 20 && bytes % (1L << 20) == 0 => $"{bytes >> 20}MiB",
        _ when bytes >= 1L << 10 && bytes % (1L << 10) == 0 => $"{bytes >> 10}KiB",
        _ => bytes.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Parses a duration: a positive number followed by ms, s, m, min, h or d.</summary>
    public static bool TryParseDuration(string text, out TimeSpan value)
    {
        value = default;
        var (number, unit) = Split(text);
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || !(amount > 0)) return false;
        double? ms = unit.ToLowerInvariant() switch
        {
            "ms" => amount,
            "s" or "sec" => amount * 1_000,
            "m" or "min" => amount * 60_000,
            "h" => amount * 3_600_000,
            "d" => amount * 86_400_000,
            _ => null,
        };
        if (ms is not { } millis || millis > TimeSpan.MaxValue.TotalMilliseconds / 2) return false;
        value = TimeSpan.FromMilliseconds(millis);
        return value > TimeSpan.Zero;
    }

    /// <summary>Parses a byte size: a positive integer, optionally followed by K/KiB, M/MiB or G/GiB.</summary>
    public static bool TryParseByteSize(string text, out long value)
    {
        value = 0;
        var (number, unit) = Split(text);
        if (!long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0) return false;
        long? factor = unit.ToLowerInvariant() switch
        {
            "" or "b" => 1,
            "k" or "kib" or "kb" => 1L << 10,
            "m" or "mib" or "mb" => 1L << 20,
            "g" or "gib" or "gb" => 1L << 30,
            _ => null,
        };
        if (factor is not { } f || amount > long.MaxValue / f) return false;
        value = amount * f;
        return true;
    }

    private static T? Parse<T>(ArgumentResult result, string name, TryParser<T> parser, string expected)
        where T : struct
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (parser(text, out var value)) return value;
        result.AddError($"{name}: '{text}' is not {expected}.");
        return null;
    }

    private delegate bool TryParser<T>(string text, out T value);

    private static (string Number, string Unit) Split(string text)
    {
        var trimmed = text.Trim();
        var end = 0;
        while (end < trimmed.Length && (char.IsAsciiDigit(trimmed[end]) || trimmed[end] == '.')) end++;
        return (trimmed[..end], trimmed[end..].Trim());
    }
}
