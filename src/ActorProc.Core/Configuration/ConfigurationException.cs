namespace ActorProc.Core.Configuration;

/// <summary>
/// A configuration could not be parsed, resolved or read: a syntax error, an unresolved substitution,
/// a substitution or include cycle, a missing required include, a missing key or a value of the wrong type.
/// </summary>
/// <remarks>
/// Syntax and resolution errors read <c>file:line:col: expected X but found Y</c>; getter errors name the
/// full key path (for example <c>actorproc.actor.default-dispatcher.throughput</c>) and, when the value
/// exists, where it was set. The same facts are available as properties so tools can point at the spot.
/// </remarks>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates an exception with a generic message; prefer the constructors that say what went wrong.</summary>
    public ConfigurationException()
        : base("invalid configuration")
    {
    }

    /// <summary>Creates an exception with a complete, human-readable message and no location.</summary>
    /// <param name="message">What was expected and what was found.</param>
    public ConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception that wraps the failure that made the configuration unusable (for example an I/O error).</summary>
    /// <param name="message">What was expected and what was found.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public ConfigurationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Creates an exception that also records the key path and the place in the source, for settings code
    /// that validates a value it read (for example a throughput that must be positive).
    /// </summary>
    /// <param name="message">The complete message; it should already name the path and position.</param>
    /// <param name="path">The full key path, or <see langword="null"/> for syntax errors.</param>
    /// <param name="file">The origin (file name) of the offending text, if known.</param>
    /// <param name="line">1-based line, or 0 when unknown.</param>
    /// <param name="column">1-based column, or 0 when unknown.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public ConfigurationException(string message, string? path, string? file, int line, int column, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>The origin (usually a file name) where the offending text was written, or <see langword="null"/> when unknown.</summary>
    public string? File { get; }

    /// <summary>The 1-based line of the offending text, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the offending text, or 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>The full key path involved (for getter and substitution errors), or <see langword="null"/> for pure syntax errors.</summary>
    public string? Path { get; }
}
