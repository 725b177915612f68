namespace ActorProc.Core.Configuration;

/// <summary>
/// Parses HOCON byte sizes: powers of ten (kB, MB, GB, TB) and powers of two (K/Ki/KiB, M/Mi/MiB, G/Gi/GiB,
/// T/Ti/TiB); a bare number is bytes.
/// </summary>
internal static class ByteSizeParser
{
    private static readonly Dictionary<string, long> BytesPerUnit = BuildUnits();

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string text, out long value, out string error)
    {
        value = 0;
        error = "";
        if (!UnitNumber.TrySplit(text.Trim(), out var number, out var unit))
        {
            error = "it does not start with a number";
            return false;
        }

        if (!BytesPerUnit.TryGetValue(unit.Length == 0 ? "B" : unit, out var multiplier))
        {
            error = $"unknown unit '{unit}' (use B, kB, MB, GB, TB for powers of 1000 or KiB, MiB, GiB, TiB for powers of 1024)";
            return false;
        }

        var bytes = Math.Round(number * multiplier);
        if (bytes < 0)
        {
            error = "a size cannot be negative";
            return false;
        }

        if (bytes >= 9223372036854775808.0)
        {
            error = "the size is out of range";
            return false;
        }

        value = (long)bytes;
        return true;
    }

    private static Dictionary<string, long> BuildUnits()
    {
        var units = new Dictionary<string, long>(StringComparer.Ordinal);
        void Add(long bytes, params string[] names)
        {
            foreach (var name in names)
            {
                units[name] = bytes;
            }
        }

        Add(1, "B", "b", "byte", "bytes");
        Add(1000, "kB", "KB", "kilobyte", "kilobytes");
        Add(1000L * 1000, "MB", "megabyte", "megabytes");
        Add(1000L * 1000 * 1000, "GB", "gigabyte", "gigabytes");
        Add(1000L * 1000 * 1000 * 1000, "TB", "terabyte", "terabytes");
        Add(1L << 10, "K", "k", "Ki", "KiB", "kibibyte", "kibibytes");
        Add(1L << 20, "M", "m", "Mi", "MiB", "mebibyte", "mebibytes");
        Add(1L << 30, "G", "g", "Gi", "GiB", "gibibyte", "gibibytes");
        Add(1L << 40, "T", "t", "Ti", "TiB", "tebibyte", "tebibytes");
        return units;
    }
}
