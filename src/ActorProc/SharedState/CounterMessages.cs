namespace ActorProc.SharedState;

/// <summary>Adds <paramref name="By"/> to a <see cref="Counter"/> (negative values subtract).</summary>
/// <param name="By">The amount; send one message per many increments to batch them.</param>
public sealed record Increment(long By = 1)
{
    /// <summary>An increment by one (shared, to spare an allocation per message).</summary>
    public static Increment One { get; } = new(1);
}

/// <summary>Asks a <see cref="Counter"/> for its value; it replies with the value as a <see cref="long"/>.</summary>
public sealed record GetCount
{
    /// <summary>The single instance.</summary>
    public static GetCount Instance { get; } = new();
}
