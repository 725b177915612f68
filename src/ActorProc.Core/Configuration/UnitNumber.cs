using System.Globalization;

namespace ActorProc.Core.Configuration;

/// <summary>Splits "1.5 MiB" into 1.5 and "MiB"; shared by the duration and byte-size parsers.</summary>
internal static class UnitNumber
{
    /// <summary>Returns false when the text does not start with a decimal number.</summary>
    public static bool TrySplit(string text, out double number, out string unit)
    {
        var end = 0;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is '.' or '-' or '+'))
        {
            end++;
        }

        unit = text[end..].Trim();
        return double.TryParse(text.AsSpan(0, end), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }
}
