using System.Globalization;

namespace ActorProc.TestKit.Internal;

/// <summary>
/// Seeded, order-independent coin flips for probability faults. The decision for a call depends only on
/// the seed, the input's invariant text and the input's attempt number, never on which call came first,
/// so the same seed faults the same inputs in every run however the workers interleave (and across
/// processes: unlike <c>string.GetHashCode</c>, nothing here is randomized per process).
/// </summary>
internal static class StableHash
{
    /// <summary>A number in [0, 1) fixed by <paramref name="seed"/>, <paramref name="input"/> and <paramref name="attempt"/>.</summary>
    public static double Unit(int seed, object? input, int attempt)
    {
        var hash = Fnv1a(Text(input));
        hash = Mix(hash ^ (ulong)(uint)seed ^ ((ulong)(uint)attempt << 32));
        return (hash >> 11) * (1.0 / (1UL << 53)); // the top 53 bits: every double in [0, 1) this can make is equally likely
    }

    private static string Text(object? input) => input switch
    {
        null => "\0null",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => input.ToString() ?? "",
    };

    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }

    // SplitMix64's finalizer: nearby inputs (0, 1, 2 …) land far apart.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
