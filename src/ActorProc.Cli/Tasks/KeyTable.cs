using System.Runtime.CompilerServices;

namespace ActorProc.Cli.Tasks;

/// <summary>
/// A count per key, looked up by span: the table a range task counts into, once per line. Open
/// addressing with linear probing over a power-of-two array, grown at half full. Used by one thread.
/// </summary>
/// <remarks>
/// Why not <see cref="Dictionary{TKey,TValue}"/> with an alternate lookup: that lookup is a generic
/// method the runtime compiles for this process, first unoptimized; with quick JIT for loops on (which
/// halves Akka's start-up) it ran unoptimized for the first ~0.3 s of every counting job, waiting for the
/// tiered compiler. Here the whole lookup is in one method compiled optimized at once, and it calls
/// only the framework's precompiled code (the string hash, span comparison).
/// </remarks>
internal sealed class KeyTable
{
    private string?[] _keys = new string?[1024];
    private long[] _counts = new long[1024];
    private int[] _hashes = new int[1024];
    private int _count;

    /// <summary>Number of distinct keys.</summary>
    public int Count => _count;

    /// <summary>Adds one to the count of <paramref name="key"/> (the key is copied into a string the first time only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Increment(ReadOnlySpan<char> key)
    {
        var hash = string.GetHashCode(key);
        var mask = _keys.Length - 1;
        var slot = hash & mask;
        while (true)
        {
            var existing = _keys[slot];
            if (existing is null) break;
            if (_hashes[slot] == hash && key.SequenceEqual(existing))
            {
                _counts[slot]++;
                return;
            }
            slot = (slot + 1) & mask;
        }
        _keys[slot] = key.ToString();
        _hashes[slot] = hash;
        _counts[slot] = 1;
        if (++_count * 2 > _keys.Length) Grow();
    }

    /// <summary>Every key with its count, in no particular order.</summary>
    public IEnumerable<KeyValuePair<string, long>> Entries()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] is { } key) yield return new KeyValuePair<string, long>(key, _counts[i]);
        }
    }

    /// <summary>A dictionary of the counts.</summary>
    public Dictionary<string, long> ToDictionary()
    {
        var result = new Dictionary<string, long>(_count, StringComparer.Ordinal);
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] is { } key) result.Add(key, _counts[i]);
        }
        return result;
    }

    private void Grow()
    {
        var (keys, counts, hashes) = (_keys, _counts, _hashes);
        _keys = new string?[keys.Length * 2];
        _counts = new long[keys.Length * 2];
        _hashes = new int[keys.Length * 2];
        var mask = _keys.Length - 1;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] is null) continue;
            var slot = hashes[i] & mask;
            while (_keys[slot] is not null) slot = (slot + 1) & mask;
            _keys[slot] = keys[i];
            _counts[slot] = counts[i];
            _hashes[slot] = hashes[i];
        }
    }
}
