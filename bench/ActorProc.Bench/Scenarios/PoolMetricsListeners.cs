using System.Diagnostics.Metrics;
using ActorProc.Metrics;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace ActorProc.Bench.Scenarios;

/// <summary>
/// The listeners of <c>pool --with-metrics</c>, attached for one round and removed after it, so that
/// the plain contenders of the same run see no listener.
/// </summary>
internal static class PoolMetricsListeners
{
    [ThreadStatic]
    private static double _threadSeconds;

    /// <summary>
    /// A MeterListener that sums every ActorProc counter; with <paramref name="durations"/> it also takes
    /// every task duration (and only adds it up), which makes fast loops time each task.
    /// </summary>
    public static async Task<T> WithListenerAsync<T>(Func<Task<T>> round, bool durations)
    {
        long sum = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ActorProcMetrics.MeterName && (durations || instrument.Name != ActorProcMetrics.TaskDurationName)) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref sum, value));
        // Per thread: one variable shared by the workers would measure its cache line bouncing between cores.
        listener.SetMeasurementEventCallback<double>(static (_, value, _, _) => _threadSeconds += value);
        listener.Start();
        var result = await round();
        listener.RecordObservableInstruments();
        return result;
    }

    /// <summary>An OpenTelemetry MeterProvider on the ActorProc meter (all instruments) with a periodic reader whose exporter discards.</summary>
    public static async Task<T> WithOpenTelemetryAsync<T>(Func<Task<T>> round)
    {
        using var provider = Sdk.CreateMeterProviderBuilder()
            .AddMeter(ActorProcMetrics.MeterName)
            .AddReader(new PeriodicExportingMetricReader(new DiscardingExporter(), exportIntervalMilliseconds: 1000))
            .Build();
        return await round();
    }

    /// <summary>Collection and aggregation are what cost; where the numbers go does not matter here.</summary>
    private sealed class DiscardingExporter : BaseExporter<Metric>
    {
        public override ExportResult Export(in Batch<Metric> batch) => ExportResult.Success;
    }
}
