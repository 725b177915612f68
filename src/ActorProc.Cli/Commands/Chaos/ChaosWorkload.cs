using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using ActorProc.Cli.Cluster;
using ActorProc.Cli.Tasks;
using ActorProc.Cluster.Chaos;
using ActorProc.Cluster.Jobs;

namespace ActorProc.Cli.Commands.Chaos;

/// <summary>
/// The jobs of a chaos run, drawn from a seeded generator, each with every task's answer computed here
/// before it is submitted: <c>sumsq</c> over distinct ranges (closed form), <c>primes</c> over ranges
/// (this process's own sieve), <c>hash</c> over a generated file tree (SHA-256 of the bytes written).
/// Distinct inputs per task catch a result recorded under the wrong task, not only a wrong value.
/// Concurrency contract: <see cref="Next"/> may be called from several lanes; a lock guards the
/// generator and the counter.
/// </summary>
internal sealed class ChaosWorkload
{
    private readonly object _gate = new();
    private readonly Random _random;
    private readonly string _runId;
    private readonly (string Path, string Output)[] _files;
    private int _jobs;

    /// <summary>Writes the file tree under <paramref name="directory"/> (seeded sizes and bytes) and hashes it.</summary>
    public ChaosWorkload(int seed, string directory, int files = 96)
    {
        _random = new Random(seed);
        _runId = string.Create(CultureInfo.InvariantCulture, $"chaos-{seed}-{DateTime.UtcNow:yyyyMMddHHmmss}");
        _files = new (string, string)[files];
        for (var i = 0; i < files; i++)
        {
            var folder = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"d{i % 8}"), string.Create(CultureInfo.InvariantCulture, $"e{i % 3}"));
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"f{i:D3}.bin"));
            var bytes = new byte[_random.Next(0, 64 * 1024)];
            _random.NextBytes(bytes);
            File.WriteAllBytes(path, bytes);
            _files[i] = (path, JsonSerializer.Serialize(new HashOutput(path, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length)));
        }
    }

    /// <summary>The next job and its answers.</summary>
    public ExpectedJob Next()
    {
        lock (_gate)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{_runId}-{++_jobs:D5}");
            var pick = _random.Next(10);
            return pick < 4 ? SumSquares(id) : pick < 7 ? Primes(id) : Hash(id);
        }
    }

    private ExpectedJob SumSquares(string id)
    {
        var tasks = _random.Next(40, 161);
        var inputs = new string[tasks];
        var outputs = new string[tasks];
        for (var i = 0; i < tasks; i++)
        {
            long from = _random.Next(0, 1_000_000), to = from + _random.Next(1_000, 20_000);
            inputs[i] = ClusterInputs.Range(from, to);
            outputs[i] = JsonSerializer.Serialize(SquaresBelow(to) - SquaresBelow(from));
        }
        return new ExpectedJob(new JobSpec(id, "sumsq", inputs, PartitionSize(tasks)), outputs);
    }

    private ExpectedJob Primes(string id)
    {
        var tasks = _random.Next(8, 41);
        var inputs = new string[tasks];
        var outputs = new string[tasks];
        for (var i = 0; i < tasks; i++)
        {
            long low = _random.Next(1, 5_000_000), high = low + _random.Next(5_000, 50_000);
            inputs[i] = ClusterInputs.Range(low, high);
            outputs[i] = JsonSerializer.Serialize(PrimeSieve.CountPrimes(low, high, PrimeSieve.PrimesUpTo((int)Math.Sqrt(high) + 1), CancellationToken.None));
        }
        return new ExpectedJob(new JobSpec(id, "primes", inputs, PartitionSize(tasks)), outputs);
    }

    private ExpectedJob Hash(string id)
    {
        var tasks = _random.Next(10, 41);
        var picked = Enumerable.Range(0, tasks).Select(_ => _files[_random.Next(_files.Length)]).ToArray();
        var inputs = picked.Select(f => ClusterInputs.File("sha256", f.Path)).ToArray();
        return new ExpectedJob(new JobSpec(id, "hash", inputs, PartitionSize(tasks)), [.. picked.Select(f => f.Output)]);
    }

    /// <summary>
    /// 3 to 6 partitions: enough that a job spreads over the nodes (a fault hits part of it), few enough that
    /// a job costs few journal writes (each partition is a persistent entity of its own).
    /// </summary>
    private int PartitionSize(int tasks) => (tasks + 2) / _random.Next(3, 7) + 1;

    /// <summary>Σ i² for 0 ≤ i &lt; n.</summary>
    private static Int128 SquaresBelow(long n) => (Int128)(n - 1) * n * (2 * n - 1) / 6;
}
