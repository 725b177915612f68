using System.Buffers;
using System.CommandLine;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using ActorProc.Bench.Harness;

namespace ActorProc.Bench.Scenarios;

/// <summary>
/// The README's hash claim: <c>actorproc run hash</c> over 2,000 files of 1 MiB, against the same
/// streaming SHA-256 done sequentially in this process, and against coreutils <c>sha256sum</c> split
/// over 2 processes (<c>xargs -P2</c>). The actorproc contender runs the built CLI as a process (what
/// a user runs; found under src/ActorProc.Cli/bin, or named by ACTORPROC_BENCH_CLI, and skipped with a
/// note when absent), so its time includes the process start; its own job time (<c>elapsed_ms</c> of
/// <c>--json</c>) is kept as the extra metric <c>job_ms</c>. The files are generated once (seeded, so
/// always the same bytes) under the temp directory and reused; every round's digests are checked
/// against the ones computed when the scenario starts.
/// </summary>
internal sealed class Hash : IScenario
{
    private readonly Option<int?> _files = SizeReader.Positive("--files", "Files to hash (default 2,000).", 1);
    private readonly Option<int?> _kib = SizeReader.Positive("--file-kib", "Size of each file in KiB (default 1,024).", 1);

    public string Name => "hash";

    public string Summary => "actorproc run hash over 2,000 × 1 MiB files vs a sequential loop and sha256sum via xargs -P2 (ms).";

    public IReadOnlyList<Option> Options => [_files, _kib];

    public BenchDefinition Define(SizeReader sizes)
    {
        var files = sizes.Get(_files, 2_000, 20);
        var kib = sizes.Get(_kib, 1_024, 64);
        var directory = Generate(files, kib);
        var paths = Directory.GetFiles(directory).Order(StringComparer.Ordinal).ToArray();
        var expected = paths.ToDictionary(p => p, p => Sha256(p), StringComparer.Ordinal);
        var cli = Tools.LocateCli();
        var contenders = new List<Contender>();
        var notes = new List<string> { $"files: {directory}" };
        if (cli is not null) contenders.Add(Contender.Sync("actorproc", _ => RunCli(cli, directory, expected)));
        else notes.Add(Tools.CliMissingNotice);
        contenders.Add(Contender.Sync("sequential", _ => RunSequential(paths, expected)));
        if (Tools.OnPath("sha256sum") && Tools.OnPath("xargs")) contenders.Add(Contender.Sync("sha256sum-xargs-p2", _ => RunSha256Sum(paths, expected)));
        else notes.Add("sha256sum or xargs not found: that baseline is skipped");
        return new BenchDefinition
        {
            Name = Name,
            Unit = "ms",
            LowerIsBetter = true,
            Description = $"SHA-256 of {files:N0} files × {kib:N0} KiB ({files * (long)kib / 1024.0:N0} MiB, page-cached) on {Environment.ProcessorCount} cores",
            Check = "every contender's digest of every file equals System.Security.Cryptography's",
            Parameters = [new("files", files), new("file_kib", kib)],
            Notes = notes,
            Contenders = contenders,
        };
    }

    private static RoundResult RunCli(string cli, string directory, IReadOnlyDictionary<string, string> expected)
    {
        var (elapsed, exitCode, stdout, stderr) = Tools.Run(Tools.DotnetHost(), [cli, "run", "hash", "--recursive", directory, "--json"]);
        if (exitCode != 0) return Failed(elapsed, $"actorproc exited with {exitCode}: {stderr.Trim()}");
        using var json = JsonDocument.Parse(stdout);
        var digests = json.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => (Path: r.GetProperty("input").GetString()!, Hex: r.GetProperty("output").GetString()!));
        var wrong = Verify(digests, expected);
        return (RoundResult.Millis(elapsed, wrong is null) with { Failure = wrong }).With("job_ms", json.RootElement.GetProperty("elapsed_ms").GetDouble());
    }

    private static RoundResult RunSequential(string[] paths, IReadOnlyDictionary<string, string> expected)
    {
        var started = Stopwatch.GetTimestamp();
        var digests = new (string, string)[paths.Length];
        for (var i = 0; i < paths.Length; i++) digests[i] = (paths[i], Sha256(paths[i]));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var wrong = Verify(digests, expected);
        return RoundResult.Millis(elapsed, wrong is null) with { Failure = wrong };
    }

    private static RoundResult RunSha256Sum(string[] paths, IReadOnlyDictionary<string, string> expected)
    {
        var perProcess = (paths.Length + 1) / 2; // two processes, as `xargs -P2` with half the files each
        var (elapsed, exitCode, stdout, stderr) = Tools.Run("xargs", ["-0", "-P2", "-n", perProcess.ToString(), "sha256sum"], string.Join('\0', paths));
        if (exitCode != 0) return Failed(elapsed, $"xargs sha256sum exited with {exitCode}: {stderr.Trim()}");
        var digests = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => (Path: line[66..], Hex: line[..64]));
        var wrong = Verify(digests, expected);
        return RoundResult.Millis(elapsed, wrong is null) with { Failure = wrong };
    }

    private static RoundResult Failed(TimeSpan elapsed, string why) => RoundResult.Millis(elapsed, false) with { Failure = why };

    /// <summary>Null when every expected file has its expected digest exactly once, else what is wrong.</summary>
    private static string? Verify(IEnumerable<(string Path, string Hex)> digests, IReadOnlyDictionary<string, string> expected)
    {
        var seen = 0;
        foreach (var (path, hex) in digests)
        {
            if (!expected.TryGetValue(path, out var want)) return $"unexpected file {path}";
            if (want != hex) return $"wrong digest for {path}";
            seen++;
        }
        return seen == expected.Count ? null : $"{seen} digests for {expected.Count} files";
    }

    /// <summary>Streams a file through SHA-256 in 128 KiB reads: the same method the CLI uses.</summary>
    private static string Sha256(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(128 * 1024);
        try
        {
            long offset = 0;
            int read;
            while ((read = RandomAccess.Read(handle, buffer.AsSpan(0, 128 * 1024), offset)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                offset += read;
            }

            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Creates (once) <paramref name="files"/> files of seeded random bytes; an existing complete set is reused.</summary>
    private static string Generate(int files, int kib)
    {
        var directory = Path.Combine(Path.GetTempPath(), "actorproc-bench", $"hash-{files}x{kib}KiB");
        var size = kib * 1024L;
        if (Directory.Exists(directory) && Directory.GetFiles(directory).Length == files && Directory.GetFiles(directory).All(f => new FileInfo(f).Length == size))
        {
            return directory;
        }

        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);
        var random = new Random(20_240_601);
        var bytes = new byte[size];
        for (var i = 0; i < files; i++)
        {
            random.NextBytes(bytes);
            File.WriteAllBytes(Path.Combine(directory, $"file-{i:D5}.bin"), bytes);
        }

        return directory;
    }

    /// <summary>Running external programs and finding the built CLI (shared with <see cref="IpCount"/>).</summary>
    internal static class Tools
    {
        /// <summary>Environment variable naming the CLI's dll explicitly (e.g. an installed or published copy).</summary>
        public const string CliVariable = "ACTORPROC_BENCH_CLI";

        public const string CliMissingNotice = "actorproc contender skipped: ActorProc.Cli.dll not found (build it: dotnet build src/ActorProc.Cli -c Release, or set " + CliVariable + ")";

        /// <summary>The dll named by <see cref="CliVariable"/>, else the Release (then Debug) build under src/ActorProc.Cli/bin of an enclosing checkout, else null.</summary>
        public static string? LocateCli()
        {
            if (Environment.GetEnvironmentVariable(CliVariable) is { Length: > 0 } given) return File.Exists(given) ? Path.GetFullPath(given) : null;
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var bin = Path.Combine(dir.FullName, "src", "ActorProc.Cli", "bin");
                if (!Directory.Exists(bin)) continue;
                // Release first: the configuration benchmarks are meant to run in.
                return new[] { "Release", "Debug" }
                    .Select(c => Path.Combine(bin, c, "net10.0", "ActorProc.Cli.dll"))
                    .Where(File.Exists)
                    .FirstOrDefault();
            }

            return null;
        }

        /// <summary>The <c>dotnet</c> host that runs framework-dependent apps: the one that started us when known.</summary>
        public static string DotnetHost() =>
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

        /// <summary>True when <paramref name="program"/> is an executable file on PATH.</summary>
        public static bool OnPath(string program) =>
            (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Any(dir => File.Exists(Path.Combine(dir, program)));

        /// <summary>Runs a program to completion, timing it from start to exit; stdout and stderr are captured.</summary>
        public static (TimeSpan Elapsed, int ExitCode, string Stdout, string Stderr) Run(string program, IEnumerable<string> arguments, string? stdin = null)
        {
            var info = new ProcessStartInfo(program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = stdin is not null,
                UseShellExecute = false,
            };
            foreach (var argument in arguments) info.ArgumentList.Add(argument);
            var started = Stopwatch.GetTimestamp();
            using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (stdin is not null)
            {
                process.StandardInput.Write(stdin);
                process.StandardInput.Close();
            }

            process.WaitForExit();
            var elapsed = Stopwatch.GetElapsedTime(started);
            return (elapsed, process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
        }
    }
}
