using System.Globalization;
using System.Text.Json;

namespace ActorProc.Isolation;

/// <summary>How typed inputs and outputs of isolated tasks become text and back, matching how a <see cref="RegisteredTask"/> parses and formats them.</summary>
internal static class IsolatedText
{
    /// <summary>Strings as they are, parsable numbers and the like in the invariant culture, everything else as JSON.</summary>
    public static string Format<T>(T value) => value switch
    {
        string s => s,
        IFormattable f when IsParsable(typeof(T)) => f.ToString(null, CultureInfo.InvariantCulture),
        _ => JsonSerializer.Serialize(value),
    };

    /// <summary>A task's JSON output as <typeparamref name="T"/>.</summary>
    public static T Parse<T>(string json) => JsonSerializer.Deserialize<T>(json)!;

    private static bool IsParsable(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IParsable<>) && i.GetGenericArguments()[0] == type);
}
