using ActorProc.Tasks;

namespace PluginTasks;

/// <summary>What <see cref="FileStats"/> reports for one file; serialized as a JSON object in the output.</summary>
public sealed record FileStatsResult(long Bytes, long Lines, long Words);

/// <summary>
/// An I/O-bound task (asynchronous: it runs on the pool's async workers, many at once): size, line
/// and word counts of a text file. An unreadable file fails only its own task, with the OS's message.
/// </summary>
[ActorTask("file-stats", Description = "Bytes, lines and words of a text file.")]
public sealed class FileStats : IAsyncActorTask<string, FileStatsResult>
{
    public async Task<FileStatsResult> RunAsync(string input, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(input);
        long lines = 0, words = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lines++;
            words += line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        }
        return new FileStatsResult(new FileInfo(input).Length, lines, words);
    }
}
