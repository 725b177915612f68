using System.Diagnostics;
using ActorProc.Cli.Inputs;
using ActorProc.Cli.Output;

namespace ActorProc.Cli.Tasks;

/// <summary>
/// <c>actorproc run hash PATH... [--algorithm sha256|sha1|md5|sha512] [--recursive]</c>: one task per
/// file on the worker pool (CPU dispatcher by default), each streaming its file through the hash.
/// Results are in input order; an unreadable file is an error entry (exit 1), the rest still hashed.
/// </summary>
internal sealed class HashTask(IReadOnlyList<string> paths, string algorithm, bool recursive) : ICliTask, IIsolatedCliTask
{
    public string Name => "hash";

    public IReadOnlyList<string> WorkerArguments => [];

    /// <summary>The name under which <c>actorproc worker</c> serves hashing with <paramref name="algorithmName"/>.</summary>
    public static string WorkerTaskName(string algorithmName) => $"hash-{algorithmName}";

    public void Validate()
    {
        foreach (var path in paths) FileInputs.Classify(path, recursive);
    }

    public async Task<RunResult> RunAsync(RunContext context)
    {
        var started = Stopwatch.GetTimestamp();
        context.Progress.Stage = "listing files";
        var expansion = FileInputs.Expand(paths, recursive, context.Token);
        context.Verbose($"hash: {expansion.Files.Count} file(s), {algorithm}");
        var hashAlgorithm = FileHasher.Algorithm(algorithm);
        var token = context.Token;
        (var pool, started) = await context.PoolAsync(started).ConfigureAwait(false);
        var report = context.PoolOptions.Isolation is null
            ? await pool.RunAsync(expansion.Files, path => FileHasher.Hash(path, hashAlgorithm, token), context.JobOptions, token).ConfigureAwait(false)
            : await pool.RunAsync(expansion.Files, IsolatedHash(pool), context.JobOptions, token).ConfigureAwait(false);

        var results = new List<ResultItem>((int)report.Succeeded);
        var succeeded = new List<string>((int)report.Succeeded);
        var errors = new List<InputError>(expansion.Unlisted);
        long bytes = 0;
        foreach (var task in report.Tasks)
        {
            if (task.Succeeded)
            {
                results.Add(new DigestItem(task.Input, task.Value.Hex));
                succeeded.Add(task.Input);
                bytes += task.Value.Length;
            }
            else errors.Add(new InputError(task.Input, ErrorText.Describe(task.Exception, task.Status), task.Attempts));
        }
        return RunResult.From(Name, report, started, results, errors, succeeded, "files") with { Bytes = bytes };
    }

    /// <summary>Hashing in the pool's worker processes, with the same result shape as in-process.</summary>
    private Func<string, CancellationToken, Task<(string Hex, long Length)>> IsolatedHash(WorkerPool pool)
    {
        var hash = pool.Isolated<string, FileDigest>(WorkerTaskName(algorithm));
        return async (path, ct) =>
        {
            var digest = await hash(path, ct).ConfigureAwait(false);
            return (digest.Hex, digest.Length);
        };
    }
}
