namespace ActorProc.Internal;

/// <summary>
/// Argument checks shared by the option records: each throws an <see cref="ArgumentException"/>
/// (or <see cref="ArgumentOutOfRangeException"/>) whose <c>ParamName</c> is the option's name, so a
/// caller sees exactly which setting is wrong.
/// </summary>
internal static class Check
{
    public static int AtLeast(int value, int min, string name) =>
        value >= min ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least {min} (got {value}).");

    public static int? AtLeastOrNull(int? value, int min, string name) =>
        value is null ? null : AtLeast(value.Value, min, name);

    public static TimeSpan Positive(TimeSpan value, string name) =>
        value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive duration (got {value}).");

    public static TimeSpan? PositiveOrNull(TimeSpan? value, string name) =>
        value is null ? null : Positive(value.Value, name);

    public static string NotBlank(string value, string name)
    {
        if (value is null) throw new ArgumentNullException(name, $"{name} must not be null.");
        return string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} must not be empty.", name) : value;
    }

    public static T NotNull<T>(T? value, string name) where T : class =>
        value ?? throw new ArgumentNullException(name, $"{name} must not be null.");
}
