namespace ActorProc.Remote.FailureDetection;

/// <summary>
/// A phi-accrual failure detector (Hayashibara et al.): instead of a yes/no timeout it gives phi, the suspicion
/// that the monitored node is down, from how late the next heartbeat is compared with the history of
/// inter-arrival times (modelled as a normal distribution). phi = −log10(P(a heartbeat this late or later)), so
/// phi 1 means a 10% chance that the node is still fine, phi 3 0.1%, and so on; the node counts as unavailable
/// when phi exceeds <see cref="Threshold"/>.
/// <para>
/// Pure math over timestamps the caller passes in (milliseconds of any monotonic clock), so it is deterministic
/// to test. Concurrency contract: not thread-safe; the owner serializes calls (the remote watcher uses its lock).
/// </para>
/// </summary>
internal sealed class PhiAccrualFailureDetector
{
    private readonly double _minStdDeviationMs;
    private readonly double _acceptablePauseMs;
    private readonly double _firstEstimateMs;
    private readonly double[] _intervals;
    private int _count;
    private int _next;
    private double _sum;
    private double _sumOfSquares;
    private long? _lastHeartbeatMs;

    public PhiAccrualFailureDetector(double threshold, int maxSampleSize, TimeSpan minStdDeviation, TimeSpan acceptableHeartbeatPause, TimeSpan firstHeartbeatEstimate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threshold);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSampleSize);
        Threshold = threshold;
        _minStdDeviationMs = minStdDeviation.TotalMilliseconds;
        _acceptablePauseMs = acceptableHeartbeatPause.TotalMilliseconds;
        _firstEstimateMs = firstHeartbeatEstimate.TotalMilliseconds;
        _intervals = new double[maxSampleSize];
    }

    /// <summary>Phi above which <see cref="IsAvailable"/> is false.</summary>
    public double Threshold { get; }

    /// <summary>True once a heartbeat was recorded.</summary>
    public bool IsMonitoring => _lastHeartbeatMs.HasValue;

    /// <summary>Mean inter-arrival time of the history, in ms.</summary>
    public double MeanMs => _count == 0 ? _firstEstimateMs : _sum / _count;

    /// <summary>Standard deviation of the history, in ms (before the minimum is applied).</summary>
    public double StdDeviationMs
    {
        get
        {
            if (_count == 0) return _firstEstimateMs / 4;
            var mean = MeanMs;
            return Math.Sqrt(Math.Max(0, _sumOfSquares / _count - mean * mean));
        }
    }

    /// <summary>Records a heartbeat that arrived at <paramref name="nowMs"/>.</summary>
    public void Heartbeat(long nowMs)
    {
        if (_lastHeartbeatMs is { } last)
        {
            var interval = nowMs - last;
            if (interval >= 0) Add(interval);
        }
        else
        {
            // Seed the history from the first estimate (mean ± a quarter of it), so phi is meaningful before real data.
            var deviation = _firstEstimateMs / 4;
            Add(_firstEstimateMs - deviation);
            Add(_firstEstimateMs + deviation);
        }
        _lastHeartbeatMs = nowMs;
    }

    /// <summary>The suspicion level at <paramref name="nowMs"/>; 0 before the first heartbeat.</summary>
    public double Phi(long nowMs)
    {
        if (_lastHeartbeatMs is not { } last) return 0;
        var elapsed = nowMs - last;
        var mean = MeanMs + _acceptablePauseMs;
        var deviation = Math.Max(StdDeviationMs, _minStdDeviationMs);
        return PhiOf(elapsed, mean, deviation);
    }

    /// <summary>False when phi at <paramref name="nowMs"/> exceeds the threshold.</summary>
    public bool IsAvailable(long nowMs) => Phi(nowMs) < Threshold;

    /// <summary>
    /// −log10 of the probability that a normally distributed interval exceeds <paramref name="elapsedMs"/>, using
    /// a logistic approximation of the normal CDF (accurate to ~1e-4 and cheap, with no erf table).
    /// </summary>
    internal static double PhiOf(double elapsedMs, double meanMs, double stdDeviationMs)
    {
        var y = (elapsedMs - meanMs) / stdDeviationMs;
        var e = Math.Exp(-y * (1.5976 + 0.070566 * y * y));
        // Two algebraically equal forms; each is numerically stable on its own side of the mean.
        return elapsedMs > meanMs ? -Math.Log10(e / (1.0 + e)) : -Math.Log10(1.0 - 1.0 / (1.0 + e));
    }

    private void Add(double interval)
    {
        if (_count == _intervals.Length)
        {
            var evicted = _intervals[_next];
            _sum -= evicted;
            _sumOfSquares -= evicted * evicted;
        }
        else
        {
            _count++;
        }
        _intervals[_next] = interval;
        _next = (_next + 1) % _intervals.Length;
        _sum += interval;
        _sumOfSquares += interval * interval;
    }
}
