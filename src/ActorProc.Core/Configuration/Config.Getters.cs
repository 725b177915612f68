namespace ActorProc.Core.Configuration;

/// <summary>Typed getters. Each one records the path it reads (see <see cref="ConfigReadRecorder"/>).</summary>
public sealed partial class Config
{
    /// <summary>Reads a string; numbers and booleans are returned as written.</summary>
    /// <exception cref="ConfigurationException">The path is missing, or holds an object or array.</exception>
    /// <exception cref="ArgumentException">The path expression is malformed.</exception>
    public string GetString(string path) => Read(path, ValueReaders.String);

    /// <summary>Reads a string, or returns <paramref name="defaultValue"/> when the path is missing or null.</summary>
    /// <exception cref="ConfigurationException">The path holds an object or array.</exception>
    /// <exception cref="ArgumentException">The path expression is malformed.</exception>
    public string GetString(string path, string defaultValue) => Read(path, ValueReaders.String, defaultValue);

    /// <summary>Reads a 32-bit integer (a number, or a string that holds one).</summary>
    /// <exception cref="ConfigurationException">The path is missing, or the value is not a whole number within range.</exception>
    /// <exception cref="ArgumentException">The path expression is malformed.</exception>
    public int GetInt(string path) => Read(path, ValueReaders.Int);

    /// <summary>Reads a 32-bit integer, or returns <paramref name="defaultValue"/> when the path is missing or null.</summary>
    /// <exception cref="ConfigurationException">The value is not a whole number within range.</exception>
    /// <exception cref="ArgumentException">The path expression is malformed.</exception>
    public int GetInt(string path, int defaultValue) => Read(path, ValueReaders.Int, defaultValue);

    /// <summary>Reads a 64-bit integer.</summary>
    /// <exception cref="ConfigurationException">The path is missing, or the value is not a whole number within range.</exception>
    /// <exception cref="ArgumentException">The path expression is malformed.</exception>
    public long GetLong(string path) => Read(path, ValueReaders.Long);

    /// <summary>Reads a 64-bit integer, or returns <paramref name="defaultValue"/> when the path is missing or null.</summary>
    /// <exception cref="ConfigurationException">The value is not a whole number within range.</exception>
    /// <exception cref="ArgumentException">The path expression is malformed.</exception>
    public long GetLong(string path, long defaultValue) => Read(path, ValueReaders.Long, defaultValue);

    /// <summary>Reads a floating-point number.</summary>
    /// <exception cref="ConfigurationException">The path is missing, or the value is not a number.</exception>
    /// <exception cref="ArgumentException">The path expression is malformed.</exception>
    public double GetDouble(string path) => Read(path, ValueReaders.Double);

    /// <summary>Reads a floating-point number, or returns <paramref name="defaultValue"/> when the path is missing or null.</summary>
    /// <exception cref="ConfigurationException">The value is not a number.</exception>
    /// <exception cref="ArgumentException">The path expression is malformed.</exception>
    public double GetDouble(string path, double defaultValue) => Read(path, ValueReaders.Double, defaultValue);

    /// <summary>Reads a boolean: <c>true</c>/<c>false</c>, or the strings on/off and yes/no (any case).</summary>
    /// <exception cref="ConfigurationException">The path is missing, or the value is none of those words.</exception>
    /// <exception cref="ArgumentException">The path expression is malformed.</exception>
    public bool GetBoolean(string path) => Read(path, ValueReaders.Boolean);

    /// <summary>Reads a boolean, or returns <paramref name="defaultValue"/> when the path is missing or null.</summary>
    /// <exception cref="ConfigurationException">The value is not a boolean word.</exception>
    /// <exception cref="ArgumentException">The path expression is malformed.</exception>
    public bool GetBoolean(string path, bool defaultValue) => Read(path, ValueReaders.Boolean, defaultValue);

    /// <summary>
    /// Reads a duration such as <c>250ms</c>, <c>5s</c>, <c>1m</c>, <c>2h</c>, <c>1d</c>, <c>10us</c>, <c>100ns</c> or
    /// <c>5 seconds</c>; a bare number is milliseconds and <c>infinite</c> is <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>.
    /// </summary>
    /// <exception cref="ConfigurationException">The path is missing, the unit is unknown or the value is out of range.</exception>
    /// <exception cref="ArgumentException">The path expression is malformed.</exception>
    public TimeSpan GetTimeSpan(string path) => Read(path, ValueReaders.Duration);

    /// <summary>Reads a duration, or returns <paramref name="defaultValue"/> when the path is missing or null.</summary>
    /// <exception cref="ConfigurationException">The unit is unknown or the value is out of range.</exception>
    /// <exception cref="ArgumentException">The path expression is malformed.</exception>
    public TimeSpan GetTimeSpan(string path, TimeSpan defaultValue) => Read(path, ValueReaders.Duration, defaultValue);

    /// <summary>
    /// Reads a size in bytes such as <c>512B</c>, <c>10kB</c> (1000s), <c>1MB</c>, <c>64KiB</c> (1024s), <c>1MiB</c>
    /// or <c>1GiB</c>; a bare number is bytes.
    /// </summary>
    /// <exception cref="ConfigurationException">The path is missing, the unit is unknown, or the size is negative or too large.</exception>
    /// <exception cref="ArgumentException">The path expression is malformed.</exception>
    public long GetByteSize(string path) => Read(path, ValueReaders.ByteSize);

    /// <summary>Reads a size in bytes, or returns <paramref name="defaultValue"/> when the path is missing or null.</summary>
    /// <exception cref="ConfigurationException">The unit is unknown, or the size is negative or too large.</exception>
    /// <exception cref="ArgumentException">The path expression is malformed.</exception>
    public long GetByteSize(string path, long defaultValue) => Read(path, ValueReaders.ByteSize, defaultValue);

    /// <summary>Reads an array of strings (numbers and booleans are returned as written).</summary>
    /// <exception cref="ConfigurationException">The path is missing, is not an array, or an element is an object or array.</exception>
    /// <exception cref="ArgumentException">The path expression is malformed.</exception>
    public IReadOnlyList<string> GetStringList(string path) => Read(path, ValueReaders.StringList);

    /// <summary>Reads an array of objects as configs rooted at <c>path[0]</c>, <c>path[1]</c>, ...</summary>
    /// <exception cref="ConfigurationException">The path is missing, is not an array, or an element is not an object.</exception>
    /// <exception cref="ArgumentException">The path expression is malformed.</exception>
    public IReadOnlyList<Config> GetConfigList(string path) =>
        Read(path, (value, fullPath) => ValueReaders.ObjectList(value, fullPath).Select((obj, i) => Rooted(obj, $"{fullPath}[{i}]")).ToArray());

    private T Read<T>(string path, Func<HoconValue, string, T> convert) => Read(path, convert, default!, required: true);

    private T Read<T>(string path, Func<HoconValue, string, T> convert, T defaultValue, bool required = false)
    {
        var segments = ConfigPath.Parse(path);
        var fullPath = ConfigPath.Join(RootPath, segments);
        ConfigReadRecorder.Record(fullPath);
        var found = Navigate(segments, throwOnWrongType: true);
        if (found.Value is null or HoconScalar { Kind: HoconScalarKind.Null })
        {
            return required ? throw ConfigErrors.Missing(fullPath, MissingDetail(segments, found.Depth)) : defaultValue;
        }

        return convert(found.Value, fullPath);
    }

    /// <summary>Says how far the path did exist, which usually reveals the typo ("no key 'thruput' in a.b").</summary>
    private string? MissingDetail(string[] segments, int depth)
    {
        if (depth >= segments.Length)
        {
            return "it is set to null";
        }

        var parent = ConfigPath.Join(RootPath, segments[..depth]);
        return parent.Length == 0
            ? $"no key '{segments[depth]}' at the root"
            : $"no key '{segments[depth]}' in {parent}";
    }

    /// <summary>Walks the resolved tree. <see cref="Found.Depth"/> is how many segments matched.</summary>
    private Found Navigate(string[] segments, bool throwOnWrongType)
    {
        HoconValue current = _root;
        for (var i = 0; i < segments.Length; i++)
        {
            if (current is not HoconObject obj)
            {
                if (throwOnWrongType && current is not HoconScalar { Kind: HoconScalarKind.Null })
                {
                    throw ConfigErrors.WrongType(ConfigPath.Join(RootPath, segments[..i]), "an object", current);
                }

                return new Found(null, i - 1);
            }

            if (!obj.TryGetValue(segments[i], out var child))
            {
                return new Found(null, i);
            }

            current = child;
        }

        return new Found(current, segments.Length);
    }

    private readonly record struct Found(HoconValue? Value, int Depth);
}
