namespace ActorProc.Core.Configuration;

/// <summary>
/// A node of a HOCON tree. Parsing builds a tree that may still hold substitutions, concatenations and
/// delayed merges; resolving turns it into a tree of objects, arrays and scalars only.
/// </summary>
/// <remarks>
/// Trees are mutated only while the parser is building them (objects it just created); once handed to a
/// <see cref="Config"/> every node is treated as immutable, which is what lets configs share subtrees.
/// </remarks>
internal abstract class HoconValue
{
    /// <summary>Records where the value was written.</summary>
    protected HoconValue(HoconPosition position) => Position = position;

    /// <summary>Where the value was written; getter errors quote it as "set at".</summary>
    public HoconPosition Position { get; }

    /// <summary>
    /// True when this node cannot be known before resolution (a substitution, a concatenation with one,
    /// a delayed merge, an array holding one). A later definition of the same key then has to keep the earlier
    /// value around instead of replacing it, because a self-reference or an undefined <c>${?X}</c> may need it.
    /// </summary>
    public abstract bool NeedsResolution { get; }

    /// <summary>The type name used in messages: string, number, boolean, null, object, array, ...</summary>
    public abstract string TypeName { get; }
}
