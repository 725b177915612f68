namespace ActorProc.Core.Routing;

/// <summary>Argument checks shared by the router configs.</summary>
internal static class RouterArguments
{
    /// <summary>Returns <paramref name="value"/> when it is a positive, finite duration.</summary>
    /// <exception cref="ArgumentOutOfRangeException">It is zero, negative or infinite.</exception>
    public static TimeSpan Positive(TimeSpan value, string name) =>
        value > TimeSpan.Zero && value != Timeout.InfiniteTimeSpan
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive, finite duration.");

    /// <summary>Returns <paramref name="value"/> when it is at least 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">It is less than 1.</exception>
    public static int AtLeastOne(int value, string name) =>
        value >= 1 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1.");
}
