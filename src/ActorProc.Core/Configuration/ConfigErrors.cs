namespace ActorProc.Core.Configuration;

/// <summary>
/// Builds every <see cref="ConfigurationException"/> the configuration code throws, so all messages share
/// one shape: <c>file:line:col: expected X but found Y</c> for text, <c>expected X at path (set at ...)</c> for values.
/// </summary>
internal static class ConfigErrors
{
    /// <summary>A syntax or resolution error located at <paramref name="at"/>.</summary>
    public static ConfigurationException At(HoconPosition at, string message, string? path = null) =>
        new($"{at}: {message}", path, at.File, at.Line, at.Column);

    /// <summary>A getter found a value of the wrong type (or an unusable one) at <paramref name="fullPath"/>.</summary>
    public static ConfigurationException WrongType(string fullPath, string expected, HoconValue found, string? detail = null)
    {
        // Led by the position like syntax errors, so editors and terminals can jump to the offending line.
        var message = $"{found.Position}: expected {expected} at {fullPath} (set at {found.Position}) but found {Describe(found)}";
        if (detail is not null)
        {
            message += $": {detail}";
        }

        return new ConfigurationException(message, fullPath, found.Position.File, found.Position.Line, found.Position.Column);
    }

    /// <summary>A getter without a default was asked for a path that holds no value.</summary>
    public static ConfigurationException Missing(string fullPath, string? detail = null) =>
        new($"missing configuration value at {fullPath}{(detail is null ? "" : $" ({detail})")}", fullPath, null, 0, 0);

    /// <summary>Describes a value for messages: its type and, for scalars, its text in quotes.</summary>
    public static string Describe(HoconValue value) => value switch
    {
        HoconScalar s => $"{s.TypeName} '{Shorten(s.Text)}'",
        HoconObject => "an object",
        HoconArray => "an array",
        _ => value.TypeName,
    };

    /// <summary>Keeps messages readable when a long string sits where a number was expected.</summary>
    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
