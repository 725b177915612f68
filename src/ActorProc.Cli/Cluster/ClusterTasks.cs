using ActorProc.Cli.Inputs;
using ActorProc.Cli.Tasks;

namespace ActorProc.Cli.Cluster;

/// <summary>
/// The tasks an <c>actorproc node</c> runs: the built-in tasks as named tasks over the text inputs of
/// <see cref="ClusterInputs"/>, computed by the very code <c>actorproc run</c> uses (the sieve, the
/// hasher, the line-range reader and key counters), plus every <c>[ActorTask]</c> of the plugins.
/// </summary>
internal static class ClusterTasks
{
    /// <summary>A registry with the built-in tasks and the plugins' tasks.</summary>
    /// <exception cref="ArgumentException">A plugin defines a task whose name is taken.</exception>
    public static TaskRegistry Create(IEnumerable<System.Reflection.Assembly> plugins)
    {
        var registry = new TaskRegistry();
        registry.Register<string, Int128>("sumsq", input =>
        {
            var (from, to) = ClusterInputs.ParseRange(input);
            return SumSquaresTask.SumOfSquares(from, to, CancellationToken.None);
        }, "sum(i*i for from <= i < to); input FROM:TO");
        registry.Register<string, long>("primes", input =>
        {
            var (low, high) = ClusterInputs.ParseRange(input);
            return PrimeSieve.CountPrimes(low, high, BasePrimes.UpTo(high), CancellationToken.None);
        }, "primes in [low, high]; input LOW:HIGH");
        registry.Register<string, HashOutput>("hash", input =>
        {
            var (algorithm, path) = ClusterInputs.ParseFile(input);
            var (hex, length) = FileHasher.Hash(path, FileHasher.Algorithm(algorithm), CancellationToken.None);
            return new HashOutput(path, hex, length);
        }, "digest of a file; input ALGORITHM:PATH");
        registry.Register<string, CountOutput>("ipcount", input => Count(input, new FirstFieldCounter()), "requests per client address in a byte range; input PATH:OFFSET:LENGTH");
        registry.Register<string, CountOutput>("wordcount", input => Count(input, new WordCounter()), "word frequencies in a byte range; input PATH:OFFSET:LENGTH");
        foreach (var plugin in plugins) registry.DiscoverFrom(plugin);
        return registry;
    }

    private static CountOutput Count(string input, KeyCounter counter)
    {
        var (path, offset, length) = ClusterInputs.ParseSpan(input);
        LineRangeReader.Read(new LineRange(0, path, offset, offset + length), counter, CancellationToken.None);
        return new CountOutput(path, counter.Counts.ToDictionary(), counter.Lines, counter.Skipped);
    }
}
