namespace ActorProc.Core.Configuration;

/// <summary>
/// An immutable, fully resolved HOCON configuration tree, optionally rooted at a sub-path of a larger document.
/// </summary>
/// <remarks>
/// <para>
/// Build one with <see cref="Parse"/>, <see cref="ParseFile"/> or <see cref="ConfigurationFactory.Load"/>, layer
/// configs with <see cref="WithFallback"/>, and read values with the typed getters (<see cref="GetInt(string)"/>,
/// <see cref="GetTimeSpan(string)"/>, ...). Paths are dot-separated (<c>actorproc.actor.default-dispatcher.throughput</c>);
/// quote a key that contains dots or slashes (<c>deployment."/workers".router</c>) or use <see cref="GetConfigByKey"/>.
/// </para>
/// <para>
/// A config returned by <see cref="GetConfig"/> remembers its <see cref="RootPath"/>, so errors raised through it
/// still name the full path. Instances are immutable and safe to share between threads; getters only walk the
/// resolved tree.
/// </para>
/// </remarks>
public sealed partial class Config
{
    private static readonly HoconPosition NoPosition = new("<empty>", 0, 0);

    /// <summary>The resolved tree at <see cref="RootPath"/>; never contains substitutions.</summary>
    private readonly HoconObject _root;

    /// <summary>
    /// The tree before resolution, kept so <see cref="WithFallback"/> can re-resolve substitutions against the
    /// merged result (an override of a key then reaches every value that refers to it).
    /// </summary>
    private readonly HoconObject _source;

    internal Config(HoconObject root, HoconObject source, string rootPath)
    {
        _root = root;
        _source = source;
        RootPath = rootPath;
    }

    /// <summary>A config with no keys, rooted at the top. Useful as a neutral fallback.</summary>
    public static Config Empty { get; } = Rooted(new HoconObject(NoPosition), "");

    /// <summary>The full path of this config's root in the document it came from; "" for a top-level config.</summary>
    public string RootPath { get; }

    /// <summary>True when the root object has no keys.</summary>
    public bool IsEmpty => _root.Count == 0;

    /// <summary>The keys of the root object, in the order they were first written.</summary>
    public IEnumerable<string> Keys => _root.Keys;

    /// <summary>
    /// The root's entries whose value is an object, as configs rooted at each key, in source order
    /// (for example each block of <c>actorproc.actor.deployment</c>). Entries holding other values are skipped.
    /// </summary>
    public IEnumerable<KeyValuePair<string, Config>> Children
    {
        get
        {
            foreach (var (key, value) in _root.Fields)
            {
                if (value is HoconObject obj)
                {
                    yield return new KeyValuePair<string, Config>(key, Rooted(obj, ConfigPath.Join(RootPath, key)));
                }
            }
        }
    }

    /// <summary>Parses and resolves HOCON text.</summary>
    /// <param name="text">The HOCON (or JSON) text.</param>
    /// <param name="origin">
    /// A file name used in error messages; relative includes are resolved against its directory, or against the
    /// current directory when it is <see langword="null"/>.
    /// </param>
    /// <returns>The resolved configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ConfigurationException">
    /// A syntax error, a missing required include, an include or substitution cycle, or an unresolved required substitution;
    /// the message starts with <c>file:line:col</c>.
    /// </exception>
    public static Config Parse(string text, string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var source = HoconParser.ParseDocument(text, origin ?? "<string>", HoconIncludeContext.ForOrigin(origin), []);
        return FromSource(source, System.Environment.GetEnvironmentVariable);
    }

    /// <summary>Reads, parses and resolves a HOCON file; relative includes are resolved against the file's directory.</summary>
    /// <param name="path">The file to read; it is also the origin shown in error messages.</param>
    /// <returns>The resolved configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ConfigurationException">The file cannot be read, or any error listed for <see cref="Parse"/>.</exception>
    public static Config ParseFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"{path}: cannot read the configuration file: {ex.Message}", null, path, 0, 0, ex);
        }

        return Parse(text, path);
    }

    /// <summary>
    /// Layers this config over <paramref name="fallback"/>: for each key this config's value wins; objects merge
    /// deeply. Substitutions are resolved again against the merged tree, so <c>${x}</c> sees an overridden <c>x</c>.
    /// </summary>
    /// <param name="fallback">The config that supplies values this one lacks.</param>
    /// <returns>A new config rooted where this one is.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fallback"/> is null.</exception>
    /// <exception cref="ConfigurationException">Re-resolution of the merged tree failed (for example a new cycle).</exception>
    public Config WithFallback(Config fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        return Merge([this, fallback], System.Environment.GetEnvironmentVariable);
    }

    /// <summary>Returns true when <paramref name="path"/> holds a value other than <c>null</c>.</summary>
    /// <exception cref="ArgumentException">The path expression is malformed (empty, <c>a..b</c>, a reserved character).</exception>
    public bool HasPath(string path)
    {
        var segments = ConfigPath.Parse(path);
        var found = Navigate(segments, throwOnWrongType: false);
        return found.Value is not null and not HoconScalar { Kind: HoconScalarKind.Null };
    }

    /// <summary>
    /// Returns the object at <paramref name="path"/> as a config rooted there (errors through it name full paths),
    /// or an empty config rooted there when the path is missing.
    /// </summary>
    /// <exception cref="ArgumentException">The path expression is malformed.</exception>
    /// <exception cref="ConfigurationException">The path holds a value that is not an object.</exception>
    public Config GetConfig(string path) => SubConfig(ConfigPath.Parse(path));

    /// <summary>
    /// Like <see cref="GetConfig"/> for one literal key of the root object, without splitting on dots: the way to
    /// reach keys such as <c>"/a/b.c"</c> found through <see cref="Keys"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ConfigurationException">The key holds a value that is not an object.</exception>
    public Config GetConfigByKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SubConfig([key]);
    }

    /// <summary>Every full path (including <see cref="RootPath"/>) that leads to a non-object value, in source order.</summary>
    /// <remarks>Keys that need it are quoted, so each path can be passed back to the getters.</remarks>
    public IEnumerable<string> AllLeafPaths()
    {
        var paths = new List<string>();
        CollectLeafPaths(_root, RootPath, paths);
        return paths;
    }

    /// <summary>Renders the resolved tree as JSON, which is also valid HOCON; meant for logs and debugging.</summary>
    public override string ToString() => HoconRenderer.Render(_root);

    /// <summary>Merges layers (highest priority first) and resolves the result once.</summary>
    internal static Config Merge(IReadOnlyList<Config> layers, Func<string, string?> environment)
    {
        var merged = layers[^1]._source;
        for (var i = layers.Count - 2; i >= 0; i--)
        {
            merged = HoconMerger.Merge(layers[i]._source, merged);
        }

        return new Config(HoconResolver.Resolve(merged, environment), merged, layers[0].RootPath);
    }

    /// <summary>Resolves a freshly parsed tree into a top-level config.</summary>
    internal static Config FromSource(HoconObject source, Func<string, string?> environment) =>
        new(HoconResolver.Resolve(source, environment), source, "");

    /// <summary>A config over an already resolved object; it doubles as its own source.</summary>
    private static Config Rooted(HoconObject resolved, string rootPath) => new(resolved, resolved, rootPath);

    private Config SubConfig(string[] segments)
    {
        var fullPath = ConfigPath.Join(RootPath, segments);
        return Navigate(segments, throwOnWrongType: true).Value switch
        {
            HoconObject obj => Rooted(obj, fullPath),
            null or HoconScalar { Kind: HoconScalarKind.Null } => Rooted(new HoconObject(NoPosition), fullPath),
            var other => throw ConfigErrors.WrongType(fullPath, "an object", other),
        };
    }

    private static void CollectLeafPaths(HoconObject obj, string prefix, List<string> into)
    {
        foreach (var (key, value) in obj.Fields)
        {
            var path = ConfigPath.Join(prefix, key);
            if (value is HoconObject child)
            {
                CollectLeafPaths(child, path, into);
            }
            else
            {
                into.Add(path);
            }
        }
    }
}
