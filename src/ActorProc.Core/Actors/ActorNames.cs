namespace ActorProc.Core.Actors;

/// <summary>Validation and generation of actor names.</summary>
internal static class ActorNames
{
    private const string Base64Chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+~";
    private const string AllowedPunctuation = "-_.*$+:@&=,!~';()%";

    /// <summary>Throws <see cref="InvalidActorNameException"/> naming the parent and the reason when the name is not usable.</summary>
    public static void Validate(string name, ActorPath parent)
    {
        if (name.Length == 0) throw new InvalidActorNameException($"Actor name must not be empty (child of {parent}).");
        if (name[0] == '$') throw new InvalidActorNameException($"Actor name '{name}' (child of {parent}) must not start with '$', which is reserved for generated names.");
        foreach (var c in name)
        {
            if (c == '/') throw new InvalidActorNameException($"Actor name '{name}' (child of {parent}) must not contain '/': names are single path elements.");
            if (!char.IsAsciiLetterOrDigit(c) && !AllowedPunctuation.Contains(c))
                throw new InvalidActorNameException($"Actor name '{name}' (child of {parent}) contains the illegal character '{c}' (U+{(int)c:X4}); use ASCII letters, digits and {AllowedPunctuation}.");
        }
    }

    /// <summary>The first generated names, shared so that spawning children allocates no name string.</summary>
    private static readonly string[] CommonGenerated = Enumerable.Range(0, 4096).Select(i => "$" + Base64(i)).ToArray();

    /// <summary>The generated name ($a, $b, ...) for the given per-parent counter value.</summary>
    public static string Generated(long counter) =>
        counter < CommonGenerated.Length ? CommonGenerated[counter] : "$" + Base64(counter);

    /// <summary>Short, unique-per-parent encoding of a counter for generated names.</summary>
    public static string Base64(long value)
    {
        Span<char> buffer = stackalloc char[12];
        var i = buffer.Length;
        do
        {
            buffer[--i] = Base64Chars[(int)(value & 63)];
            value >>= 6;
        }
        while (value > 0);
        return new string(buffer[i..]);
    }
}
