using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ActorProc.Metrics;

namespace ActorProc.Tests.Metrics;

/// <summary>
/// A <see cref="MeterListener"/> on the ActorProc meter that keeps what one pool reports: counter sums,
/// histogram values, and the latest observation of each observable instrument. Measurements of other
/// pools (tests running alongside) are ignored by their <c>pool</c> tag.
/// <para>Concurrency contract: measurement callbacks arrive on any thread and only touch concurrent collections.</para>
/// </summary>
internal sealed class MetricsCapture : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly string _pool;
    private readonly ConcurrentDictionary<string, long> _sums = new();
    private readonly ConcurrentDictionary<string, long> _observed = new();
    private readonly ConcurrentQueue<double> _durations = new();

    /// <param name="pool">The pool whose measurements are kept.</param>
    /// <param name="durations">Whether to enable the task-duration histogram (it makes jobs time every task).</param>
    public MetricsCapture(string pool, bool durations = true)
    {
        _pool = pool;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name != ActorProcMetrics.MeterName) return;
            if (instrument.Name == ActorProcMetrics.TaskDurationName && !durations) return;
            listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>(OnLong);
        _listener.SetMeasurementEventCallback<double>(OnDouble);
        _listener.Start();
    }

    /// <summary>The sum of a counter for this pool, over all further tags.</summary>
    public long Sum(string instrument) => _sums.GetValueOrDefault(instrument);

    /// <summary>The sum of a counter for this pool with one further tag.</summary>
    public long Sum(string instrument, string tag, string value) => _sums.GetValueOrDefault($"{instrument}|{tag}={value}");

    public IReadOnlyCollection<double> Durations => _durations.ToArray();

    /// <summary>Collects the observable instruments now and returns this pool's value of one of them.</summary>
    public long Observe(string instrument)
    {
        _listener.RecordObservableInstruments();
        return _observed.GetValueOrDefault(instrument);
    }

    /// <summary>Collects observable instruments until <paramref name="instrument"/> reads <paramref name="expected"/> (they are snapshots published by actors).</summary>
    public async Task ObserveUntil(string instrument, long expected)
    {
        using var timeout = new CancellationTokenSource(TestPools.Patience);
        while (Observe(instrument) != expected)
        {
            if (timeout.IsCancellationRequested) Assert.Fail($"{instrument} of pool {_pool} read {Observe(instrument)}, expected {expected}.");
            await Task.Delay(10);
        }
    }

    public void Dispose() => _listener.Dispose();

    private void OnLong(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (!IsOurs(tags, out var extra)) return;
        if (instrument.GetType().Name.StartsWith("Observable", StringComparison.Ordinal)) _observed[instrument.Name] = value;
        else
        {
            _sums.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
            if (extra is not null) _sums.AddOrUpdate($"{instrument.Name}|{extra}", value, (_, sum) => sum + value);
        }
    }

    private void OnDouble(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (IsOurs(tags, out _) && instrument.Name == ActorProcMetrics.TaskDurationName) _durations.Enqueue(value);
    }

    private bool IsOurs(ReadOnlySpan<KeyValuePair<string, object?>> tags, out string? extra)
    {
        var ours = false;
        extra = null;
        foreach (var tag in tags)
        {
            if (tag.Key == ActorProcMetrics.PoolTag) ours = Equals(tag.Value, _pool);
            else extra = $"{tag.Key}={tag.Value}";
        }
        return ours;
    }
}
