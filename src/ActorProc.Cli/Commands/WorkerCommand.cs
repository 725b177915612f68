using System.CommandLine;
using ActorProc.Cli.Hosting;
using ActorProc.Cli.Tasks;
using ActorProc.Isolation;

namespace ActorProc.Cli.Commands;

/// <summary>
/// <c>actorproc worker [--assembly PATH]</c> (hidden): a worker process of <c>actorproc run --isolate</c>. It
/// registers the built-in tasks that can run isolated and the plugin's tasks, then serves the pool named in
/// its environment (<see cref="WorkerProcess"/>) until that pool goes away.
/// </summary>
internal static class WorkerCommand
{
    public const string Name = "worker";

    public static Command Create()
    {
        var assembly = new Option<string?>("--assembly") { Description = "Plugin assembly whose [ActorTask] classes to serve." };
        var command = new Command(Name, "A worker process of `actorproc run --isolate` (started by it, not by hand).") { Hidden = true };
        command.Options.Add(assembly);
        command.SetAction((parse, token) => WorkerProcess.RunAsync(Registry(parse.GetValue(assembly)), token));
        return command;
    }

    private static TaskRegistry Registry(string? assemblyPath)
    {
        var registry = assemblyPath is null ? new TaskRegistry() : TaskRegistry.Discover(PluginLoadContext.Load(assemblyPath));
        registry.Register<long, Int128>("sumsq", n => SumSquaresTask.SumOfSquares(n, CancellationToken.None));
        registry.Register<string, Int128>(PrimesTask.WorkerTaskName, PrimesTask.CountRange);
        foreach (var name in new[] { "sha256", "sha1", "md5", "sha512" })
        {
            var algorithm = FileHasher.Algorithm(name);
            registry.Register<string, FileDigest>(HashTask.WorkerTaskName(name), path =>
            {
                var (hex, length) = FileHasher.Hash(path, algorithm, CancellationToken.None);
                return new FileDigest(hex, length);
            });
        }
        return registry;
    }
}
