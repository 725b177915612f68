using System.Globalization;

namespace ActorProc.Core.Configuration;

/// <summary>
/// Converts resolved values to the types the getters return, with HOCON's usual leniency (a quoted "42" is
/// a number, a number is a string) and a precise <see cref="ConfigurationException"/> otherwise.
/// </summary>
internal static class ValueReaders
{
    public static string String(HoconValue value, string fullPath) =>
        value is HoconScalar scalar ? scalar.Text : throw ConfigErrors.WrongType(fullPath, "a string", value);

    public static int Int(HoconValue value, string fullPath)
    {
        var number = Integral(value, fullPath, "a 32-bit integer");
        return number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : throw ConfigErrors.WrongType(fullPath, "a 32-bit integer", value, "out of range");
    }

    public static long Long(HoconValue value, string fullPath) => Integral(value, fullPath, "a 64-bit integer");

    public static double Double(HoconValue value, string fullPath) =>
        value is HoconScalar { Kind: HoconScalarKind.Number or HoconScalarKind.String } scalar
        && double.TryParse(scalar.Text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw ConfigErrors.WrongType(fullPath, "a number", value);

    public static bool Boolean(HoconValue value, string fullPath)
    {
        if (value is HoconScalar { Kind: HoconScalarKind.Boolean or HoconScalarKind.String } scalar)
        {
            switch (scalar.Text.Trim().ToLowerInvariant())
            {
                case "true" or "on" or "yes":
                    return true;
                case "false" or "off" or "no":
                    return false;
            }
        }

        throw ConfigErrors.WrongType(fullPath, "a boolean (true/false, on/off, yes/no)", value);
    }

    public static TimeSpan Duration(HoconValue value, string fullPath)
    {
        const string Expected = "a duration (e.g. 250ms, 5s, 2m, infinite)";
        if (value is not HoconScalar { Kind: HoconScalarKind.Number or HoconScalarKind.String } scalar)
        {
            throw ConfigErrors.WrongType(fullPath, Expected, value);
        }

        return DurationParser.TryParse(scalar.Text, out var duration, out var error)
            ? duration
            : throw ConfigErrors.WrongType(fullPath, Expected, value, error);
    }

    public static long ByteSize(HoconValue value, string fullPath)
    {
        const string Expected = "a byte size (e.g. 512B, 64KiB, 1MiB, 10kB)";
        if (value is not HoconScalar { Kind: HoconScalarKind.Number or HoconScalarKind.String } scalar)
        {
            throw ConfigErrors.WrongType(fullPath, Expected, value);
        }

        return ByteSizeParser.TryParse(scalar.Text, out var bytes, out var error)
            ? bytes
            : throw ConfigErrors.WrongType(fullPath, Expected, value, error);
    }

    public static IReadOnlyList<string> StringList(HoconValue value, string fullPath)
    {
        if (value is not HoconArray array)
        {
            throw ConfigErrors.WrongType(fullPath, "a list of strings", value);
        }

        var result = new string[array.Items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = array.Items[i] is HoconScalar { Kind: not HoconScalarKind.Null } scalar
                ? scalar.Text
                : throw ConfigErrors.WrongType($"{fullPath}[{i}]", "a string", array.Items[i]);
        }

        return result;
    }

    public static IReadOnlyList<HoconObject> ObjectList(HoconValue value, string fullPath)
    {
        if (value is not HoconArray array)
        {
            throw ConfigErrors.WrongType(fullPath, "a list of objects", value);
        }

        var result = new HoconObject[array.Items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = array.Items[i] as HoconObject
                ?? throw ConfigErrors.WrongType($"{fullPath}[{i}]", "an object", array.Items[i]);
        }

        return result;
    }

    /// <summary>Whole numbers, also written as 5.0 or 1e3, since config authors rarely care about the difference.</summary>
    private static long Integral(HoconValue value, string fullPath, string expected)
    {
        if (value is not HoconScalar { Kind: HoconScalarKind.Number or HoconScalarKind.String } scalar)
        {
            throw ConfigErrors.WrongType(fullPath, "a number", value);
        }

        var text = scalar.Text.Trim();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return whole;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            throw ConfigErrors.WrongType(fullPath, "a number", value);
        }

        // 2^63 is exactly representable as a double, so "<" keeps long.MaxValue + 1 out.
        if (real != Math.Floor(real) || real < long.MinValue || real >= 9223372036854775808.0)
        {
            throw ConfigErrors.WrongType(fullPath, expected, value, double.IsFinite(real) && real == Math.Floor(real) ? "out of range" : "not a whole number");
        }

        return (long)real;
    }
}
