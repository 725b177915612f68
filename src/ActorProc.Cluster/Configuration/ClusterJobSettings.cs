using Akka.Configuration;

namespace ActorProc.Cluster.Configuration;

/// <summary>The <c>actorproc.cluster</c> settings (documented key by key in <c>hocon/cluster.conf</c>), read once per system.</summary>
internal sealed record ClusterJobSettings(
    string SystemName,
    int JobShards,
    TimeSpan JobResendInterval,
    TimeSpan JobIdleAfterDone,
    int SnapshotEvery,
    int PartitionShards,
    int BatchSize,
    int FirstBatchSize,
    TimeSpan BatchTime,
    TimeSpan PartitionResendInterval,
    TimeSpan RetryAfter,
    TimeSpan AskTimeout)
{
    /// <exception cref="ConfigurationException">A key is missing or out of range (the message names it).</exception>
    public static ClusterJobSettings FromConfig(Config config)
    {
        var c = config.GetConfig("actorproc.cluster") ?? throw new ConfigurationException("Missing the actorproc.cluster section (cluster.conf was not loaded).");
        return new ClusterJobSettings(
            c.GetString("system-name"),
            AtLeastOne(c, "job.shards"),
            Positive(c, "job.resend-interval"),
            Positive(c, "job.idle-after-done"),
            AtLeastOne(c, "job.snapshot-every"),
            AtLeastOne(c, "partition.shards"),
            AtLeastOne(c, "partition.batch-size"),
            AtLeastOne(c, "partition.first-batch-size"),
            Positive(c, "partition.batch-time"),
            Positive(c, "partition.resend-interval"),
            Positive(c, "partition.retry-after"),
            Positive(c, "client.ask-timeout"));
    }

    private static int AtLeastOne(Config c, string key)
    {
        var value = c.GetInt(key);
        return value >= 1 ? value : throw new ConfigurationException($"actorproc.cluster.{key} = {value}: must be at least 1.");
    }

    private static TimeSpan Positive(Config c, string key)
    {
        var value = c.GetTimeSpan(key, null, allowInfinite: false);
        return value > TimeSpan.Zero ? value : throw new ConfigurationException($"actorproc.cluster.{key} = {value}: must be a positive duration.");
    }
}
