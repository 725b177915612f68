using System.CommandLine;
using ActorProc.Cli.Tasks;

namespace ActorProc.Cli.Commands;

/// <summary>
/// <c>actorproc run &lt;task&gt; [INPUT...] --assembly path/to/MyTasks.dll</c>: a task that is not
/// built in is looked up in the given assembly. Without <c>--assembly</c> an unknown task name is a
/// usage error that lists the built-in tasks.
/// </summary>
internal static class PluginCommand
{
    public static void Attach(Command run, Func<ParseResult, ICliTask, Task<int>> execute)
    {
        // Hidden: otherwise every built-in task's help would list them as its own arguments; the
        // run command's description says how to call a plugin task instead.
        var name = new Argument<string>("task") { Hidden = true };
        var inputs = new Argument<string[]>("inputs") { Arity = ArgumentArity.ZeroOrMore, Hidden = true };
        var assembly = new Option<string?>("--assembly") { Description = "Assembly (.dll) that defines the plugin task with [ActorTask(\"name\")].", HelpName = "DLL" };
        var inputsFrom = new Option<string?>("--inputs-from") { Description = "More plugin inputs, one per line, from a file ('-' = stdin).", HelpName = "FILE" };
        run.Arguments.Add(name);
        run.Arguments.Add(inputs);
        run.Options.Add(assembly);
        run.Options.Add(inputsFrom);
        run.SetAction(async (parse, _) =>
        {
            var task = parse.GetValue(name)!;
            if (parse.GetValue(assembly) is not { } path)
            {
                parse.InvocationConfiguration.Error.WriteLine(
                    $"actorproc: unknown task '{task}' (built-in tasks: {string.Join(", ", TaskCommands.BuiltIn)}; a plugin task needs --assembly path/to/Tasks.dll)");
                return ExitCodes.UsageError;
            }
            return await execute(parse, new PluginTask(task, path, parse.GetValue(inputs) ?? [], parse.GetValue(inputsFrom))).ConfigureAwait(false);
        });
    }
}
