using System.CommandLine;

namespace ActorProc.Bench.Harness;

/// <summary>
/// Reads a workload size: the value given on the command line, else the --quick size when
/// --quick is on, else the default size.
/// </summary>
/// <param name="parse">The parsed command line, or null to use defaults only (the <c>all</c> command).</param>
/// <param name="quick">True when --quick asks for tiny sizes.</param>
internal sealed class SizeReader(ParseResult? parse, bool quick)
{
    /// <summary>True when --quick asks for tiny sizes.</summary>
    public bool Quick => quick;

    /// <summary>The size for <paramref name="option"/>.</summary>
    public int Get(Option<int?> option, int normal, int tiny) => parse?.GetValue(option) ?? (quick ? tiny : normal);

    /// <summary>The size for <paramref name="option"/>.</summary>
    public long Get(Option<long?> option, long normal, long tiny) => parse?.GetValue(option) ?? (quick ? tiny : normal);

    /// <summary>Whether a flag option (a scenario variant) was given.</summary>
    public bool Flag(Option<bool> option) => parse?.GetValue(option) ?? false;

    /// <summary>A positive-integer size option with a description (validated: must be ≥ <paramref name="minimum"/>).</summary>
    public static Option<T?> Positive<T>(string name, string description, T minimum)
        where T : struct, IComparable<T>
    {
        var option = new Option<T?>(name) { Description = description };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<T?>() is { } value && value.CompareTo(minimum) < 0)
            {
                result.AddError($"{name} must be at least {minimum}.");
            }
        });
        return option;
    }
}
