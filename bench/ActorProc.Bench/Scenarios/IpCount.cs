using System.Buffers;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using ActorProc.Bench.Harness;

namespace ActorProc.Bench.Scenarios;

/// <summary>
/// The README's ipcount claim: <c>actorproc run ipcount</c> over a 1 GB generated access log (Apache
/// combined format, client addresses skewed so a few are frequent, a blank line now and then), in MB/s
/// of log. Baselines: the same counting done by one thread in this process (<c>sequential</c>), only
/// reading the bytes and counting newlines (<c>read-only</c>: the I/O ceiling of one thread; the file
/// is page-cached after the warm-up), and <c>awk '{c[$1]++}'</c> when awk is installed. Comparing
/// actorproc with sequential × cores and with read-only shows whether the job is CPU- or I/O-bound
/// rather than framework-bound. The actorproc contender runs the built CLI as a process (see
/// <see cref="Hash"/>), so its rate includes the process start; <c>job_mb_s</c> is the rate over the
/// job's own <c>elapsed_ms</c>. The log is generated once (seeded) under the temp directory, with the
/// true counts beside it; every round's counts are checked against them.
/// </summary>
internal sealed class IpCount : IScenario
{
    private const int Addresses = 50_000;

    private readonly Option<int?> _megabytes = SizeReader.Positive("--megabytes", "Size of the generated log in MB (default 1,024).", 1);

    public string Name => "ipcount";

    public string Summary => "actorproc run ipcount over a 1 GB access log vs one thread, a plain read and awk (MB/s).";

    public IReadOnlyList<Option> Options => [_megabytes];

    public BenchDefinition Define(SizeReader sizes)
    {
        var megabytes = sizes.Get(_megabytes, 1_024, 8);
        var (log, expected) = Generate(megabytes);
        var bytes = new FileInfo(log).Length;
        var lines = expected.Values.Sum();
        var cli = Hash.Tools.LocateCli();
        var contenders = new List<Contender>();
        var notes = new List<string> { $"log: {log}" };
        if (cli is not null) contenders.Add(Contender.Sync("actorproc", _ => RunCli(cli, log, bytes, expected)));
        else notes.Add(Hash.Tools.CliMissingNotice);
        contenders.Add(Contender.Sync("sequential", _ => RunSequential(log, bytes, expected)));
        contenders.Add(Contender.Sync("read-only", _ => RunReadOnly(log, bytes)));
        if (Hash.Tools.OnPath("awk")) contenders.Add(Contender.Sync("awk", _ => RunAwk(log, bytes, expected)));
        else notes.Add("awk not found: that baseline is skipped");
        return new BenchDefinition
        {
            Name = Name,
            Unit = "MB/s",
            Description = $"client addresses counted over a {bytes / 1e6:N0} MB access log ({lines:N0} requests, {expected.Count:N0} addresses) on {Environment.ProcessorCount} cores",
            Check = "every contender's count of every address equals the generator's (read-only: the file's byte count)",
            Parameters = [new("megabytes", megabytes), new("lines", lines)],
            Notes = notes,
            Contenders = contenders,
        };
    }

    private static RoundResult RunCli(string cli, string log, long bytes, IReadOnlyDictionary<string, long> expected)
    {
        var (elapsed, exitCode, stdout, stderr) = Hash.Tools.Run(Hash.Tools.DotnetHost(), [cli, "run", "ipcount", log, "--json"]);
        if (exitCode != 0) return Rate(bytes, elapsed, $"actorproc exited with {exitCode}: {stderr.Trim()}");
        using var json = JsonDocument.Parse(stdout);
        var counts = json.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("key").GetString()!, r.GetProperty("count").GetInt64()));
        var jobMs = json.RootElement.GetProperty("elapsed_ms").GetDouble();
        return Rate(bytes, elapsed, Verify(counts, expected)).With("job_mb_s", bytes / 1e6 / Math.Max(jobMs / 1000, 1e-9));
    }

    /// <summary>One thread: 128 KiB reads, lines split on '\n', the first space-separated field counted by span.</summary>
    private static RoundResult RunSequential(string log, long bytes, IReadOnlyDictionary<string, long> expected)
    {
        var started = Stopwatch.GetTimestamp();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        var chars = new char[4096];
        var carry = new List<byte>();
        using (var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(128 * 1024);
            int read;
            while ((read = stream.Read(buffer, 0, 128 * 1024)) > 0)
            {
                var block = buffer.AsSpan(0, read);
                int newline;
                while ((newline = block.IndexOf((byte)'\n')) >= 0)
                {
                    if (carry.Count > 0)
                    {
                        carry.AddRange(block[..newline]);
                        CountLine(CollectionsMarshal.AsSpan(carry), lookup, chars);
                        carry.Clear();
                    }
                    else
                    {
                        CountLine(block[..newline], lookup, chars);
                    }

                    block = block[(newline + 1)..];
                }

                carry.AddRange(block);
            }

            if (carry.Count > 0) CountLine(CollectionsMarshal.AsSpan(carry), lookup, chars);
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        return Rate(bytes, elapsed, Verify(counts.Select(p => (p.Key, p.Value)), expected));
    }

    private static void CountLine(ReadOnlySpan<byte> line, Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> lookup, char[] chars)
    {
        var start = line.IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\r');
        if (start < 0) return;
        line = line[start..];
        var end = line.IndexOfAny((byte)' ', (byte)'\t', (byte)'\r');
        var field = end < 0 ? line : line[..end];
        var length = Encoding.UTF8.GetChars(field, chars);
        CollectionsMarshal.GetValueRefOrAddDefault(lookup, chars.AsSpan(0, length), out _)++;
    }

    /// <summary>The ceiling of one thread: read every byte (page-cached) and count newlines, nothing else.</summary>
    private static RoundResult RunReadOnly(string log, long bytes)
    {
        var started = Stopwatch.GetTimestamp();
        long total = 0, newlines = 0;
        using (var handle = File.OpenHandle(log, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan))
        {
            var buffer = new byte[128 * 1024];
            int read;
            while ((read = RandomAccess.Read(handle, buffer, total)) > 0)
            {
                newlines += buffer.AsSpan(0, read).Count((byte)'\n');
                total += read;
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        return Rate(bytes, elapsed, total == bytes && newlines > 0 ? null : $"read {total} of {bytes} bytes");
    }

    private static RoundResult RunAwk(string log, long bytes, IReadOnlyDictionary<string, long> expected)
    {
        var (elapsed, exitCode, stdout, stderr) = Hash.Tools.Run("awk", ["{ c[$1]++ } END { for (k in c) print c[k], k }", log]);
        if (exitCode != 0) return Rate(bytes, elapsed, $"awk exited with {exitCode}: {stderr.Trim()}");
        var counts = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', 2))
            .Where(parts => parts.Length == 2 && parts[1].Length > 0) // awk counts blank lines under ""
            .Select(parts => (parts[1], long.Parse(parts[0], CultureInfo.InvariantCulture)));
        return Rate(bytes, elapsed, Verify(counts, expected));
    }

    private static RoundResult Rate(long bytes, TimeSpan elapsed, string? failure) =>
        new RoundResult(bytes / 1e6 / Math.Max(elapsed.TotalSeconds, 1e-9), failure is null) { Failure = failure };

    /// <summary>Null when the counts equal the expected ones exactly (same keys, same numbers), else what differs.</summary>
    private static string? Verify(IEnumerable<(string Key, long Count)> counts, IReadOnlyDictionary<string, long> expected)
    {
        var seen = 0;
        foreach (var (key, count) in counts)
        {
            if (!expected.TryGetValue(key, out var want)) return $"unexpected address '{key}'";
            if (want != count) return $"'{key}' counted {count}, expected {want}";
            seen++;
        }

        return seen == expected.Count ? null : $"{seen} addresses counted, expected {expected.Count}";
    }

    /// <summary>
    /// Writes (once) a log of about <paramref name="megabytes"/> MB and its true counts (<c>.counts</c>
    /// beside it, one "address count" per line); an existing pair is reused.
    /// </summary>
    private static (string Log, IReadOnlyDictionary<string, long> Counts) Generate(int megabytes)
    {
        var directory = Path.Combine(Path.GetTempPath(), "actorproc-bench");
        Directory.CreateDirectory(directory);
        var log = Path.Combine(directory, $"access-{megabytes}MB.log");
        var countsFile = log + ".counts";
        if (File.Exists(log) && File.Exists(countsFile))
        {
            return (log, File.ReadLines(countsFile).Select(l => l.Split(' ')).ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal));
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var random = new Random(20_240_602);
        var target = megabytes * 1_000_000L;
        string[] methods = ["GET", "GET", "GET", "POST", "HEAD"];
        string[] agents = ["Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0", "curl/8.5.0", "Googlebot/2.1 (+http://www.google.com/bot.html)"];
        var start = new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
        using (var writer = new StreamWriter(log, false, new UTF8Encoding(false), 1 << 20))
        {
            long written = 0;
            for (long n = 0; written < target; n++)
            {
                if (n % 100_000 == 99_999)
                {
                    writer.Write('\n'); // a blank line now and then: must be skipped, not counted
                    written++;
                    continue;
                }

                // Cubing a uniform number skews towards low indexes: a few addresses are very frequent.
                var index = (int)(Math.Pow(random.NextDouble(), 3) * Addresses);
                var address = $"10.{(index >> 16) & 255}.{(index >> 8) & 255}.{index & 255}";
                CollectionsMarshal.GetValueRefOrAddDefault(counts, address, out _)++;
                var time = start.AddSeconds(n / 100).ToString("dd/MMM/yyyy:HH:mm:ss zz00", CultureInfo.InvariantCulture);
                var line = $"{address} - - [{time}] \"{methods[random.Next(methods.Length)]} /static/page-{random.Next(5_000)}.html HTTP/1.1\" {(random.Next(20) == 0 ? 404 : 200)} {random.Next(200, 60_000)} \"-\" \"{agents[random.Next(agents.Length)]}\"\n";
                writer.Write(line);
                written += line.Length;
            }
        }

        File.WriteAllLines(countsFile, counts.Select(p => $"{p.Key} {p.Value.ToString(CultureInfo.InvariantCulture)}"));
        return (log, counts);
    }
}
