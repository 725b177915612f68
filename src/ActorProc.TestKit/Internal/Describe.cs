namespace ActorProc.TestKit.Internal;

/// <summary>Renders types and messages for failure messages ("Int32: 42").</summary>
internal static class Describe
{
    /// <summary>A type name with generic arguments spelled out ("List&lt;String&gt;").</summary>
    public static string Type(System.Type type)
    {
        if (!type.IsGenericType) return type.Name;
        var name = type.Name;
        var tick = name.IndexOf('`');
        if (tick >= 0) name = name[..tick];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Type))}>";
    }

    /// <summary>"Type: value" of a message.</summary>
    public static string Message(object? message) => message is null ? "null" : $"{Type(message.GetType())}: {message}";

    /// <summary>A received message (its sender is left out: tests rarely care, and it keeps messages short).</summary>
    public static string Received(ReceivedMessage received) => Message(received.Message);

    /// <summary>Up to ten messages, comma-separated.</summary>
    public static string List(IReadOnlyCollection<object> messages)
    {
        var shown = string.Join(", ", messages.Take(10).Select(Message));
        return messages.Count > 10 ? $"{shown}, ... ({messages.Count - 10} more)" : shown;
    }
}
