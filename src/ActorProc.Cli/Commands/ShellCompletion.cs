using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ActorProc.Cli.Commands;

/// <summary>
/// Shell completion: <c>actorproc "[suggest:POSITION]" "COMMAND LINE"</c> prints the completions of the
/// word at POSITION (a character offset into COMMAND LINE), one per line, and exits 0. This is the
/// protocol of System.CommandLine's <c>[suggest]</c> directive, which <c>dotnet-suggest</c> (and a
/// shell function calling <c>actorproc</c> directly) speaks; the completions come from System.CommandLine's
/// own engine (<see cref="ParseResult.GetCompletions"/>), so every command, option and option value
/// (e.g. <c>--algorithm</c>'s) is offered. COMMAND LINE may start with <c>actorproc</c> or not
/// (dotnet-suggest strips it); without <c>:POSITION</c> the end of the line is completed.
/// <para>
/// Why the directive is recognized here rather than by System.CommandLine's <c>SuggestDirective</c>:
/// the library parses directives only under a <c>RootCommand</c>, whose name in System.CommandLine 2.0
/// is the entry assembly's file name, so help and errors would say "ActorProc.Cli" (a name to set,
/// <c>RootCommand.HelpName</c>, comes with 3.0). The root stays a command named <c>actorproc</c>; this
/// class does what the directive's action does, with the library's completion code.
/// </para>
/// </summary>
internal static partial class ShellCompletion
{
    [GeneratedRegex(@"^\[suggest(?::(?<position>\d+))?\]$")]
    private static partial Regex Directive();

    /// <summary>Whether the command line is a completion request (its first argument is the directive).</summary>
    public static bool IsRequest(string[] args) => args.Length > 0 && Directive().IsMatch(args[0]);

    /// <summary>Writes the completions to <paramref name="output"/>; the exit code (0, or 2 for an unusable position).</summary>
    public static int Complete(string[] args, Command root, TextWriter output, TextWriter error)
    {
        var match = Directive().Match(args[0]);
        var line = args.Length > 1 ? args[^1] : "";
        var position = line.Length;
        if (match.Groups["position"].Success
            && (!int.TryParse(match.Groups["position"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out position) || position > line.Length))
        {
            error.WriteLine($"actorproc: {args[0]}: the position must be an offset within the command line to complete (0 to {line.Length}).");
            return ExitCodes.UsageError;
        }
        foreach (var completion in root.Parse(line).GetCompletions(position)) output.WriteLine(completion.Label);
        return ExitCodes.Success;
    }
}
