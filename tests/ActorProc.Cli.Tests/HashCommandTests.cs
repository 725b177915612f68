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
    public async Task A_missing_path_is_an_input_error_and_nothing_is_hashed()
    {
        var good = _dir.File("good.txt", "fine"u8.ToArray());

        var result = await CliRunner.RunAsync("run", "hash", good, Path.Combine(_dir.Path, "missing.txt"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("missing.txt: no such file or directory", OneLine(result.Stderr));
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
