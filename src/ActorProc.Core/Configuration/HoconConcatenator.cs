using System.Text;

namespace ActorProc.Core.Configuration;

/// <summary>
/// Joins values written side by side: strings (and numbers, booleans) into one string with the whitespace
/// between them kept, arrays into one array, objects into one merged object (later wins).
/// </summary>
internal static class HoconConcatenator
{
    /// <summary>Concatenates resolved parts; <see langword="null"/> parts are undefined optional substitutions and vanish.</summary>
    /// <returns>The combined value, or <see langword="null"/> when every part was undefined.</returns>
    /// <exception cref="ConfigurationException">Parts of different kinds (an array next to a string, ...).</exception>
    public static HoconValue? Concatenate(IReadOnlyList<HoconValue?> parts, HoconPosition position)
    {
        var defined = new List<HoconValue>(parts.Count);
        foreach (var part in parts)
        {
            if (part is not null)
            {
                defined.Add(part);
            }
        }

        // Whitespace next to a vanished ${?x} must not leave "foo " behind, so trim after dropping.
        var first = defined.FindIndex(p => !IsWhitespace(p));
        if (first < 0)
        {
            return null;
        }

        var last = defined.FindLastIndex(p => !IsWhitespace(p));
        if (first == last)
        {
            return defined[first];
        }

        defined = defined.GetRange(first, last - first + 1);
        var kind = defined[0];
        foreach (var part in defined)
        {
            if (!IsWhitespace(part) && KindOf(part) != KindOf(kind))
            {
                throw ConfigErrors.At(position, $"cannot concatenate {ConfigErrors.Describe(kind)} with {ConfigErrors.Describe(part)} (set at {part.Position}); values on one line must all be strings, all arrays or all objects");
            }
        }

        return kind switch
        {
            HoconObject => ConcatenateObjects(defined),
            HoconArray => ConcatenateArrays(defined, position),
            _ => ConcatenateStrings(defined, position),
        };
    }

    private static bool IsWhitespace(HoconValue value) => value is HoconScalar { IsWhitespace: true };

    private static int KindOf(HoconValue value) => value switch
    {
        HoconObject => 1,
        HoconArray => 2,
        _ => 0,
    };

    private static HoconObject ConcatenateObjects(List<HoconValue> parts)
    {
        HoconObject? result = null;
        foreach (var part in parts)
        {
            if (part is HoconObject obj)
            {
                result = result is null ? obj : HoconMerger.Merge(obj, result);
            }
        }

        return result!;
    }

    private static HoconArray ConcatenateArrays(List<HoconValue> parts, HoconPosition position)
    {
        var items = new List<HoconValue>();
        foreach (var part in parts)
        {
            if (part is HoconArray array)
            {
                items.AddRange(array.Items);
            }
        }

        return new HoconArray(items, position);
    }

    private static HoconScalar ConcatenateStrings(List<HoconValue> parts, HoconPosition position)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            builder.Append(((HoconScalar)part).Text);
        }

        return HoconScalar.String(builder.ToString(), position);
    }
}
