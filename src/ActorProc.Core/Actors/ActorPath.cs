using System.Text;

namespace ActorProc.Core.Actors;

/// <summary>
/// The unique, hierarchical name of an actor: an <see cref="Address"/> followed by path elements,
/// e.g. <c>actorproc://sys/user/parent/child</c>. Paths are immutable and compare by value
/// (address and elements); the incarnation of an actor is told apart by its ref, not its path.
/// </summary>
public sealed class ActorPath : IEquatable<ActorPath>
{
    // A path is a linked list towards the root so that creating a child path costs one small object,
    // which matters when a million actors are spawned.
    private readonly ActorPath? _parent;

    private ActorPath(Address address, ActorPath? parent, string name, int depth)
    {
        Address = address;
        _parent = parent;
        Name = name;
        Depth = depth;
    }

    /// <summary>The address of the actor system that hosts the actor.</summary>
    public Address Address { get; }

    /// <summary>The last element of the path (the actor's name); "" for the root.</summary>
    public string Name { get; }

    /// <summary>Number of elements below the root (the root has depth 0).</summary>
    public int Depth { get; }

    /// <summary>The parent path; the root is its own parent.</summary>
    public ActorPath Parent => _parent ?? this;

    /// <summary>The root path of the given address.</summary>
    public static ActorPath Root(Address address) => new(address, null, "", 0);

    /// <summary>Creates the path of a child named <paramref name="name"/> below this one.</summary>
    public ActorPath Child(string name) => new(Address, this, name, Depth + 1);

    /// <summary>The child path obtained by appending each of the given elements in turn.</summary>
    public ActorPath Descendant(IEnumerable<string> elements)
    {
        var path = this;
        foreach (var element in elements) path = path.Child(element);
        return path;
    }

    /// <summary>The path elements below the root, outermost first (e.g. <c>["user", "a", "b"]</c>).</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var elements = new string[Depth];
            for (var p = this; p._parent is not null; p = p._parent) elements[p.Depth - 1] = p.Name;
            return elements;
        }
    }

    /// <summary>The path without its address, e.g. <c>/user/a/b</c>.</summary>
    public string ToStringWithoutAddress()
    {
        if (Depth == 0) return "/";
        var sb = new StringBuilder();
        foreach (var element in Elements) sb.Append('/').Append(element);
        return sb.ToString();
    }

    /// <summary>The same path on another address (used when a local ref is sent over the network).</summary>
    public ActorPath WithAddress(Address address) => Root(address).Descendant(Elements);

    /// <summary>
    /// Parses an absolute path such as <c>actorproc://sys/user/a</c> or
    /// <c>actorproc.tcp://sys@host:2552/user/a</c>.
    /// </summary>
    /// <exception cref="FormatException">The text is not an absolute actor path.</exception>
    public static ActorPath Parse(string text)
    {
        if (!TryParse(text, out var path)) throw new FormatException($"'{text}' is not an actor path; expected e.g. 'actorproc://system/user/name' or 'actorproc.tcp://system@host:port/user/name'");
        return path;
    }

    /// <summary>Tries to parse an absolute actor path; returns false when <paramref name="text"/> is not one.</summary>
    public static bool TryParse(string? text, out ActorPath path)
    {
        path = null!;
        if (string.IsNullOrEmpty(text)) return false;
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0) return false;
        var protocol = text[..schemeEnd];
        var rest = text[(schemeEnd + 3)..];
        var slash = rest.IndexOf('/');
        var authority = slash < 0 ? rest : rest[..slash];
        var pathPart = slash < 0 ? "" : rest[slash..];
        if (authority.Length == 0) return false;

        Address address;
        var at = authority.IndexOf('@');
        if (at < 0)
        {
            address = new Address(protocol, authority);
        }
        else
        {
            var hostPort = authority[(at + 1)..];
            var colon = hostPort.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(hostPort[(colon + 1)..], out var port) || port is < 0 or > 65535) return false;
            address = new Address(protocol, authority[..at], hostPort[..colon].Trim('[', ']'), port);
        }
        if (address.System.Length == 0) return false;

        var elements = pathPart.Split('/', StringSplitOptions.RemoveEmptyEntries);
        path = Root(address).Descendant(elements.Select(Uri.UnescapeDataString));
        return true;
    }

    /// <summary>Renders the full path, e.g. <c>actorproc://sys/user/a</c>.</summary>
    // Not cached: a million idle actors would each pay for the field, while rendering is rare (logs, errors).
    public override string ToString() => Address + ToStringWithoutAddress();

    /// <inheritdoc />
    public bool Equals(ActorPath? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other.Depth != Depth) return false;
        for (ActorPath? a = this, b = other; a is not null && b is not null; a = a._parent, b = b._parent)
        {
            if (ReferenceEquals(a, b)) return true;
            if (a.Name != b.Name) return false;
            if (a._parent is null) return a.Address == b.Address;
        }
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ActorPath);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        for (var p = this; p is not null; p = p._parent)
        {
            hash.Add(p.Name);
            if (p._parent is null) hash.Add(p.Address);
        }
        return hash.ToHashCode();
    }

    /// <summary>Value equality of two paths.</summary>
    public static bool operator ==(ActorPath? left, ActorPath? right) => Equals(left, right);

    /// <summary>Value inequality of two paths.</summary>
    public static bool operator !=(ActorPath? left, ActorPath? right) => !Equals(left, right);
}
