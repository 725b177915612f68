using System.Diagnostics;
using System.Text.Json;
using ActorProc.Cli.Hosting;
using ActorProc.Cli.Output;

namespace ActorProc.Cli.Tasks;

/// <summary>
/// <c>actorproc run &lt;task&gt; INPUT... --assembly MyTasks.dll</c>: a task defined in a user's assembly
/// with <c>[ActorTask("name")]</c> on a class implementing <c>IActorTask&lt;TIn,TOut&gt;</c> (CPU workers)
/// or <c>IAsyncActorTask&lt;TIn,TOut&gt;</c> (async workers). Each text input is one task: it is parsed to
/// <c>TIn</c> by the processing API's <see cref="TaskRegistry"/> (a parse error fails only that task),
/// and the output is reported as JSON.
/// </summary>
internal sealed class PluginTask(string name, string assemblyPath, IReadOnlyList<string> arguments, string? inputsFile) : ICliTask, IIsolatedCliTask
{
    private RegisteredTask? _task;
    private IReadOnlyList<string> _inputs = [];

    public string Name => name;

    public IReadOnlyList<string> WorkerArguments => ["--assembly", Path.GetFullPath(assemblyPath)];

    public void Validate()
    {
        if (!File.Exists(assemblyPath)) throw new UsageException($"--assembly {assemblyPath}: no such file.");
        var assembly = PluginLoadContext.Load(assemblyPath);
        TaskRegistry registry;
        try
        {
            registry = TaskRegistry.Discover(assembly);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--assembly {assemblyPath}: {e.Message}");
        }
        if (!registry.TryGet(name, out _task))
        {
            var known = registry.Tasks.Count == 0 ? "it defines no [ActorTask] classes" : "its tasks: " + string.Join(", ", registry.Tasks.Select(t => t.Name));
            throw new UsageException($"unknown task '{name}' in {assemblyPath} ({known}).");
        }
        _inputs = inputsFile is null ? arguments : [.. arguments, .. ReadInputs(inputsFile)];
        if (_inputs.Count == 0) throw new UsageException($"task '{name}' needs inputs: give them as arguments or with --inputs-from FILE.");
    }

    public async Task<RunResult> RunAsync(RunContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var task = _task ?? throw new InvalidOperationException("Validate first.");
        context.Verbose($"{name}: {task} from {assemblyPath}, {_inputs.Count} input(s)");
        (var pool, started) = await context.PoolAsync(started).ConfigureAwait(false);
        var report = await task.CreateJob(pool, _inputs, context.JobOptions).RunAsync(context.Token).ConfigureAwait(false);
        var results = new List<ResultItem>();
        var succeeded = new List<string>();
        var errors = new List<InputError>();
        foreach (var t in report.Tasks)
        {
            if (t.Succeeded)
            {
                using var output = JsonDocument.Parse(t.Value);
                results.Add(new ValueItem(t.Input, output.RootElement.Clone()));
                succeeded.Add(t.Input);
            }
            else errors.Add(new InputError(t.Input, ErrorText.Describe(t.Exception, t.Status), t.Attempts));
        }
        return RunResult.From(Name, report, started, results, errors, succeeded, "tasks");
    }

    /// <summary>One input per non-empty line of <paramref name="path"/> ("-" reads stdin).</summary>
    private static IEnumerable<string> ReadInputs(string path)
    {
        if (path != "-" && !File.Exists(path)) throw new UsageException($"--inputs-from {path}: no such file.");
        IEnumerable<string> lines = path == "-" ? ReadAll(Console.In) : File.ReadAllLines(path);
        return lines.Where(static l => l.Length > 0);
    }

    private static List<string> ReadAll(TextReader reader)
    {
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return lines;
    }
}
