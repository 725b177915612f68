using System.Collections;
using System.Collections.Concurrent;

namespace ActorProc.Core.Configuration;

/// <summary>
/// A thread-safe set of strings exposed as <see cref="ICollection{T}"/> (no BCL concurrent type implements that
/// interface). Adding an existing path is a no-op, which is what a "paths read" record wants.
/// </summary>
internal sealed class ConcurrentPathSet : ICollection<string>
{
    private readonly ConcurrentDictionary<string, byte> _items = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public int Count => _items.Count;

    /// <inheritdoc />
    public bool IsReadOnly => false;

    /// <inheritdoc />
    public void Add(string item) => _items.TryAdd(item, 0);

    /// <inheritdoc />
    public void Clear() => _items.Clear();

    /// <inheritdoc />
    public bool Contains(string item) => _items.ContainsKey(item);

    /// <inheritdoc />
    public void CopyTo(string[] array, int arrayIndex) => _items.Keys.CopyTo(array, arrayIndex);

    /// <inheritdoc />
    public bool Remove(string item) => _items.TryRemove(item, out _);

    /// <inheritdoc />
    public IEnumerator<string> GetEnumerator() => _items.Keys.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
