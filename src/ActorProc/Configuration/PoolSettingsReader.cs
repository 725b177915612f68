using System.Globalization;
using Akka.Configuration;

namespace ActorProc.Configuration;

/// <summary>
/// Reads <see cref="WorkerPoolOptions"/> from an <c>actorproc.pool</c> block (with
/// <c>actorproc.pools.&lt;name&gt;</c> over it). Each key is read by its own small function; a bad value
/// throws <see cref="ConfigurationException"/> naming the full key path, the value and what is allowed.
/// </summary>
internal static class PoolSettingsReader
{
    public static WorkerPoolOptions Read(Config config, string? poolName) => Read(config, poolName, keysRead: null);

    /// <summary>
    /// Reads the options and adds every key it read (relative to the pool block) to <paramref name="keysRead"/>.
    /// <paramref name="sourceOf"/>, when given, names the setting a key's value came from when that was not
    /// HOCON (e.g. <c>ActorProc:Pools:ingest:MaxRetries</c> of an IConfiguration), so an error names it.
    /// </summary>
    public static WorkerPoolOptions Read(Config config, string? poolName, ICollection<string>? keysRead, Func<string, string?>? sourceOf = null)
    {
        config = ActorProcConfig.WithDefaults(config);
        var prefix = "actorproc.pool";
        var block = config.GetConfig(prefix);
        if (poolName is not null && config.HasPath($"actorproc.pools.{poolName}"))
        {
            block = config.GetConfig($"actorproc.pools.{poolName}").WithFallback(block);
            prefix = $"actorproc.pools.{poolName}";
        }
        var reader = new BlockReader(block, prefix, keysRead, sourceOf);
        try
        {
            return new WorkerPoolOptions
            {
                Name = poolName,
                Workers = reader.IntOrAuto("workers", 1) ?? Environment.ProcessorCount,
                Router = reader.Router("router"),
                Dispatcher = reader.Text("dispatcher"),
                AsyncDispatcher = reader.Text("async-dispatcher"),
                ReplacementDispatcher = reader.Text("replacement-dispatcher"),
                MaxRetries = reader.Int("max-retries", 0),
                RetryBackoff = new RetryBackoff(reader.Duration("retry-backoff.min", allowZero: true)!.Value,
                    reader.Duration("retry-backoff.max", allowZero: true)!.Value, reader.Fraction("retry-backoff.jitter")),
                TaskTimeout = reader.DurationOrOff("task-timeout"),
                JobDeadline = reader.DurationOrOff("job-deadline"),
                MaxTasksPerWorker = reader.IntOrOff("max-tasks-per-worker", 1),
                ChunkSize = reader.IntOrAuto("chunk-size", 1),
                ChunkTargetDuration = reader.Duration("chunk-target-duration")!.Value,
                MaxInFlight = reader.Int("max-in-flight", 1),
                MaxConcurrency = reader.Int("max-concurrency", 1),
                DrainTimeout = reader.DurationOrOff("drain-timeout"),
                ShutdownTimeout = reader.Duration("shutdown-timeout")!.Value,
            };
        }
        catch (ArgumentException e)
        {
            // Cross-field checks of the options (e.g. backoff max below min) name the option; say the key.
            throw new ConfigurationException($"{prefix}: {e.Message}");
        }
    }

    /// <summary>Typed reads of one block, each failing with the key's full path.</summary>
    private sealed class BlockReader(Config block, string prefix, ICollection<string>? keysRead, Func<string, string?>? sourceOf)
    {
        public string Text(string key)
        {
            var value = Raw(key);
            return string.IsNullOrWhiteSpace(value) ? throw Bad(key, value, "a non-empty string") : value;
        }

        public int Int(string key, int min)
        {
            var value = Raw(key);
            return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min
                ? n : throw Bad(key, value, $"an integer >= {min}");
        }

        public int? IntOrAuto(string key, int min) => Is(key, "auto") ? null : IntOr(key, min, "auto");

        public int? IntOrOff(string key, int min) => Is(key, "off") ? null : IntOr(key, min, "off");

        public TimeSpan? DurationOrOff(string key) => Is(key, "off") ? null : Duration(key, allowZero: false, orWord: "off");

        public TimeSpan? Duration(string key, bool allowZero = false, string? orWord = null)
        {
            var value = Raw(key);
            var allowed = (allowZero ? "a duration >= 0" : "a duration > 0") + (orWord is null ? "" : $" or {orWord}") + " (e.g. 250ms, 5s, 00:00:05)";
            TimeSpan span;
            try
            {
                span = block.GetTimeSpan(key, null, allowInfinite: false);
            }
            catch (Exception) when (value.Contains(':') && TimeSpan.TryParseExact(value, "c", CultureInfo.InvariantCulture, out var dotnet))
            {
                span = dotnet; // .NET's own format, as IConfiguration users write durations ("00:00:30")
            }
            catch (Exception)
            {
                throw Bad(key, value, allowed);
            }
            return span > TimeSpan.Zero || (allowZero && span == TimeSpan.Zero) ? span : throw Bad(key, value, allowed);
        }

        public double Fraction(string key)
        {
            var value = Raw(key);
            return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d is >= 0 and <= 1
                ? d : throw Bad(key, value, "a number in [0, 1]");
        }

        public WorkerRouter Router(string key) => Raw(key) switch
        {
            "smallest-mailbox" => WorkerRouter.SmallestMailbox,
            "round-robin" => WorkerRouter.RoundRobin,
            "random" => WorkerRouter.Random,
            var other => throw Bad(key, other, "smallest-mailbox, round-robin or random"),
        };

        private int IntOr(string key, int min, string word)
        {
            var value = Raw(key);
            return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min
                ? n : throw Bad(key, value, $"an integer >= {min} or {word}");
        }

        private bool Is(string key, string word) => string.Equals(Raw(key), word, StringComparison.OrdinalIgnoreCase);

        private string Raw(string key)
        {
            keysRead?.Add(key);
            return block.HasPath(key) ? block.GetString(key)?.Trim() ?? "" : throw new ConfigurationException($"{PathOf(key)} is missing (it has a default in actorproc.conf; was the value set to null?).");
        }

        private string PathOf(string key) => sourceOf?.Invoke(key) ?? $"{prefix}.{key}";

        private ConfigurationException Bad(string key, string? value, string allowed) =>
            new($"{PathOf(key)} = \"{value}\": expected {allowed}.");
    }
}
