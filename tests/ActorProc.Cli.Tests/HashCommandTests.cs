using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ActorProc.Cli.Tests;

public sealed class HashCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Digests_equal_the_ones_computed_with_System_Security_Cryptography()
    {
        var random = new Random(7);
        var files = new Dictionary<string, byte[]>
        {
            ["empty.bin"] = [],
            ["one.txt"] = "x"u8.ToArray(),
            ["with space/ünïcødé name.txt"] = Encoding.UTF8.GetBytes("héllo wörld\n"),
            ["nested/deeper/big.bin"] = RandomBytes(random, 3 * 1024 * 1024 + 17), // several 128 KiB reads, odd tail
            ["nested/small.bin"] = RandomBytes(random, 1000),
        };
        foreach (var (name, content) in files) _dir.File(name, content);

        var result = await CliRunner.RunInAsync(_dir.Path, "run", "hash", "--recursive", ".", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var digests = json.RootElement.GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("input").GetString()!, r => r.GetProperty("output").GetString()!);
        Assert.Equal(files.Count, digests.Count);
        foreach (var (name, content) in files)
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), digests[Path.Join(".", name)]);
    }

    [Theory]
    [InlineData("md5")]
    [InlineData("sha1")]
    [InlineData("sha256")]
    public async Task Text_output_has_the_sha256sum_line_format_for_each_algorithm(string algorithm)
    {
        var content = RandomBytes(new Random(1), 200_000);
        var path = _dir.File("data.bin", content);
        var expected = algorithm switch
        {
            "md5" => MD5.HashData(content),
            "sha1" => SHA1.HashData(content),
            _ => SHA256.HashData(content),
        };

        var result = await CliRunner.RunAsync("run", "hash", path, "--algorithm", algorithm);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"{Convert.ToHexStringLower(expected)}  {path}\n", result.Stdout);
    }

    [Fact]
    public async Task An_unreadable_file_is_an_error_with_the_OS_message_and_the_others_are_still_hashed()
    {
        var good = _dir.File("good.txt", "fine"u8.ToArray());
        var bad = Path.Combine(_dir.Path, "bad.txt");
        var osMessage = Unreadable.Create(bad);

        var result = await CliRunner.RunAsync("run", "hash", good, bad, "--json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("succeeded").GetInt32());
        Assert.Equal(1, root.GetProperty("failed").GetInt32());
        var hashed = Assert.Single(root.GetProperty("results").EnumerateArray());
        Assert.Equal(good, hashed.GetProperty("input").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("fine"u8)), hashed.GetProperty("output").GetString());
        var error = Assert.Single(root.GetProperty("errors").EnumerateArray());
        Assert.Equal(bad, error.GetProperty("input").GetString());
        Assert.Contains(osMessage, error.GetProperty("error").GetString());
        Assert.Equal(1, error.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task A_directory_without_recursive_is_an_input_error()
    {
        var result = await CliRunner.RunAsync("run", "hash", _dir.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("is a directory", OneLine(result.Stderr));
    }

    [Fact]
    public async Task A_missing_path_among_good_ones_is_a_failed_input_and_the_rest_are_hashed()
    {
        // Regression: one nonexistent path used to abort the whole run with exit 2, hashing nothing.
        var good = _dir.File("good.txt", "fine"u8.ToArray());
        var other = _dir.File("other.txt", "also fine"u8.ToArray());
        var missing = Path.Combine(_dir.Path, "missing.txt");
        var reports = Path.Combine(_dir.Path, "r");

        var text = await CliRunner.RunAsync("run", "hash", good, missing, other, "-q");
        var json = await CliRunner.RunAsync("run", "hash", good, missing, other, "--json", "--report-dir", reports);

        Assert.True(text.ExitCode == 1, text.ToString());
        Assert.Equal([$"{Convert.ToHexStringLower(SHA256.HashData("fine"u8))}  {good}", $"{Convert.ToHexStringLower(SHA256.HashData("also fine"u8))}  {other}"],
            text.Stdout.TrimEnd('\n').Split('\n'));
        Assert.Contains($"{missing}: ", OneLine(text.Stderr));
        Assert.Contains("No such file or directory", OneLine(text.Stderr));
        Assert.True(json.ExitCode == 1, json.ToString());
        using var document = JsonDocument.Parse(json.Stdout);
        Assert.Equal(2, document.RootElement.GetProperty("succeeded").GetInt32());
        var error = Assert.Single(document.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(missing, error.GetProperty("input").GetString());
        Assert.Equal([good, other], File.ReadAllLines(Path.Combine(reports, "succeeded.txt")));
        Assert.StartsWith(missing + "\t", Assert.Single(File.ReadAllLines(Path.Combine(reports, "failed.txt"))));
    }

    [Fact]
    public async Task A_FIFO_past_its_task_timeout_exits_promptly_and_quiet_prints_only_its_error()
    {
        // Regression: the hung read kept the process alive ~14 s after the timeout, and -q printed Akka's warnings.
        if (OperatingSystem.IsWindows()) return;
        var good = _dir.File("good.txt", "fine"u8.ToArray());
        var fifo = Path.Combine(_dir.Path, "pipe");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo])) await mkfifo.WaitForExitAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await CliRunner.RunAsync("run", "hash", good, fifo, "--task-timeout", "2s", "-q");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"took {clock.Elapsed} for a 2 s timeout\n{result}");
        Assert.Contains($"{fifo}: ", OneLine(result.Stderr));
        Assert.Contains("timeout", OneLine(result.Stderr));
        Assert.Equal($"{Convert.ToHexStringLower(SHA256.HashData("fine"u8))}  {good}\n", result.Stdout);
    }

    [Fact]
    public async Task An_empty_directory_hashes_nothing_and_succeeds()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "empty"));

        var result = await CliRunner.RunAsync("run", "hash", "-r", Path.Combine(_dir.Path, "empty"), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(0, json.RootElement.GetProperty("results").GetArrayLength());
    }

    /// <summary>The message is exactly one line and carries no stack trace.</summary>
    internal static string OneLine(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.DoesNotContain("   at ", stderr);
        return lines[0];
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
