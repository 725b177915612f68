using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ActorProc.Cluster.Metrics;
using ActorProc.Metrics;

namespace ActorProc.Cluster.Tests.Metrics;

/// <summary>
/// A <see cref="MeterListener"/> on the ActorProc meter that keeps the latest observation of each
/// cluster instrument per node and tag. Concurrency contract: callbacks arrive on the thread that calls
/// <see cref="Read"/> (observable instruments are collected on demand) and write a concurrent dictionary.
/// </summary>
internal sealed class ClusterMetricsCapture : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Instrument, string Node, string? Tag), long> _latest = new();

    public ClusterMetricsCapture()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ActorProcMetrics.MeterName && instrument.Name.StartsWith("actorproc.cluster.", StringComparison.Ordinal))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? node = null, tag = null;
            foreach (var t in tags)
            {
                if (t.Key == ClusterMetrics.NodeTag) node = (string?)t.Value;
                else tag = $"{t.Key}={t.Value}";
            }
            if (node is not null) _latest[(instrument.Name, node, tag)] = value;
        });
        _listener.Start();
    }

    /// <summary>Collects now and returns a node's latest value of an instrument (with one further tag, or none).</summary>
    public long Read(string instrument, Address node, string? tag = null)
    {
        _listener.RecordObservableInstruments();
        return _latest.GetValueOrDefault((instrument, node.ToString(), tag));
    }

    /// <summary>
    /// Collects until <paramref name="condition"/> holds. Shard and job counts are refreshed by the node on
    /// a timer and membership converges by gossip, so there is no event to await; bounded by 20 s.
    /// </summary>
    public async Task UntilAsync(Func<bool> condition, Func<string> describe)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            if (timeout.IsCancellationRequested) Assert.Fail("Not reached within 20 s: " + describe());
            await Task.Delay(50);
        }
    }

    public void Dispose() => _listener.Dispose();
}
