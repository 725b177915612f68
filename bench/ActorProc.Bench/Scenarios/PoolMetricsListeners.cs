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
    /// <summary>A MeterListener that sums every ActorProc counter and reads no histogram (so jobs keep their fast path).</summary>
    public static async Task<T> WithCountersAsync<T>(Func<Task<T>> round)
    {
        long sum = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ActorProcMetrics.MeterName && instrument.Name != ActorProcMetrics.TaskDurationName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref sum, value));
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
