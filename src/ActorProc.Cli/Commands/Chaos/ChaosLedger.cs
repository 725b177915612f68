using System.Diagnostics;
using ActorProc.Cluster.Chaos;

namespace ActorProc.Cli.Commands.Chaos;

/// <summary>
/// Everything a chaos run has seen: jobs acknowledged and finished (with their checks and latencies),
/// faults injected and when the cluster recovered from each, and notes (unexpected node exits, restarts
/// that failed). Times are seconds since the run started (<see cref="Now"/>).
/// <para>
/// Recovery of a fault: from the fault (SIGKILL, SIGSTOP) until every job that had its job entity or a
/// partition on the faulted node (asked from that node's shard regions just before the fault) has made progress —
/// its count of done tasks rose, or it completed; when none had, until the first job completed after
/// the fault. Settling: from the fault until every job running at that moment has completed (an upper
/// bound that includes those jobs' remaining work).
/// </para>
/// <para>
/// Concurrency contract: the lanes, the fault injector and the status printer call it from the thread
/// pool; one lock guards all state; nothing is called out of it under the lock.
/// </para>
/// </summary>
internal sealed class ChaosLedger
{
    private readonly object _gate = new();
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly HashSet<string> _running = [];
    private readonly List<JobCheck> _checks = [];
    private readonly List<double> _latencies = [];
    private readonly List<Fault> _faults = [];
    private readonly List<string> _notes = [];
    private readonly Dictionary<FaultKind, int> _faultCounts = [];
    private readonly Dictionary<string, long> _done = [];
    private int _restarts;

    /// <summary>Seconds since the run started.</summary>
    public double Now => Stopwatch.GetElapsedTime(_started).TotalSeconds;

    /// <summary>Jobs acknowledged and not yet finished.</summary>
    public int Running
    {
        get
        {
            lock (_gate) return _running.Count;
        }
    }

    public void Acknowledged(string jobId)
    {
        lock (_gate) _running.Add(jobId);
    }

    /// <summary>A running job's count of done tasks, as last read.</summary>
    public void Progressed(string jobId, long done)
    {
        lock (_gate)
        {
            if (!_running.Contains(jobId) || _done.GetValueOrDefault(jobId) >= done) return;
            _done[jobId] = done;
            var now = Now;
            foreach (var fault in _faults.Where(f => f.RecoveredAt is null))
            {
                if (fault.Affected.TryGetValue(jobId, out var atFault) && done > atFault) fault.Affected.Remove(jobId);
                if (fault.Affected.Count == 0 && fault.HadAffected) fault.RecoveredAt = now;
            }
        }
    }

    /// <summary>A job is over (completed, or given up on at the end): its check, and its latency when it completed.</summary>
    public void Finished(JobCheck check, double? latencySeconds)
    {
        lock (_gate)
        {
            _running.Remove(check.JobId);
            _done.Remove(check.JobId);
            _checks.Add(check);
            if (latencySeconds is not { } latency) return;
            _latencies.Add(latency);
            var now = Now;
            foreach (var fault in _faults)
            {
                fault.Affected.Remove(check.JobId);
                if (fault.RecoveredAt is null && fault.Affected.Count == 0) fault.RecoveredAt = now;
                fault.Running.Remove(check.JobId);
                if (fault.SettledAt is null && fault.Running.Count == 0) fault.SettledAt = now;
            }
        }
    }

    /// <summary>
    /// A fault was injected now into <paramref name="node"/>. <paramref name="partitionsOnNode"/>: the jobs
    /// that had an entity there (null: unknown, then every running job counts as affected).
    /// </summary>
    public void Injected(FaultKind kind, int node, IEnumerable<string>? partitionsOnNode)
    {
        lock (_gate)
        {
            var affected = (partitionsOnNode ?? _running).Where(_running.Contains).ToDictionary(j => j, j => _done.GetValueOrDefault(j), StringComparer.Ordinal);
            _faults.Add(new Fault(kind, node, Now, affected, [.. _running]));
            _faultCounts[kind] = _faultCounts.GetValueOrDefault(kind) + 1;
        }
    }

    public void Restarted()
    {
        lock (_gate) _restarts++;
    }

    /// <summary>Something worth reading in the verdict that is not a wrong result (e.g. a node exited by itself).</summary>
    public void Note(string note)
    {
        lock (_gate)
        {
            if (_notes.Count < 50) _notes.Add(note);
        }
    }

    /// <summary>The counts so far.</summary>
    public ChaosTally Tally()
    {
        lock (_gate)
        {
            var recoveries = _faults.Where(f => f.RecoveredAt is not null).Select(f => f.RecoveredAt!.Value - f.At).Order().ToArray();
            var settlings = _faults.Where(f => f.SettledAt is not null).Select(f => f.SettledAt!.Value - f.At).Order().ToArray();
            var latencies = _latencies.Order().ToArray();
            return new ChaosTally(
                Jobs: _checks.Count + _running.Count,
                JobsCompleted: _latencies.Count,
                Running: _running.Count,
                Tasks: _checks.Sum(c => c.Tasks),
                Checked: _checks.Sum(c => c.Checked),
                Lost: _checks.Sum(c => c.Lost),
                Duplicated: _checks.Sum(c => c.Duplicated),
                Wrong: _checks.Sum(c => c.Wrong),
                Reexecuted: _checks.Sum(c => c.Reexecuted),
                Faults: _faultCounts.ToDictionary(),
                Restarts: _restarts,
                Recovered: recoveries.Length,
                Unrecovered: _faults.Count - recoveries.Length,
                LongestRecovery: recoveries.Length == 0 ? null : recoveries[^1],
                MedianRecovery: Percentile(recoveries, 0.5),
                LongestSettling: settlings.Length == 0 ? null : settlings[^1],
                LatencyP50: Percentile(latencies, 0.5),
                LatencyP99: Percentile(latencies, 0.99),
                Problems: [.. _checks.Where(c => !c.IsCorrect).SelectMany(c => c.Problems.Select(p => $"{c.JobId}: {p}")).Take(20)],
                Notes: [.. _notes],
                FaultLog: [.. _faults.Select(f => new FaultEntry(f.Kind, f.Node, f.At, f.AffectedAtFault, f.RecoveredAt is { } r ? r - f.At : null, f.SettledAt is { } t ? t - f.At : null))]);
        }
    }

    /// <summary>Nearest-rank percentile of sorted values; null when there are none.</summary>
    internal static double? Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private sealed class Fault(FaultKind kind, int node, double at, Dictionary<string, long> affected, HashSet<string> running)
    {
        public FaultKind Kind { get; } = kind;

        public int Node { get; } = node;

        public double At { get; } = at;

        /// <summary>Jobs with a partition on the node at the fault that have not progressed since, with their done count then.</summary>
        public Dictionary<string, long> Affected { get; } = affected;

        public int AffectedAtFault { get; } = affected.Count;

        public bool HadAffected => AffectedAtFault > 0;

        /// <summary>The jobs running at the fault that have not completed yet.</summary>
        public HashSet<string> Running { get; } = running;

        public double? RecoveredAt { get; set; }

        public double? SettledAt { get; set; }
    }
}

/// <summary>One injected fault, the jobs it touched, and how long the cluster took to recover and to settle (null: never).</summary>
internal sealed record FaultEntry(FaultKind Kind, int Node, double At, int AffectedJobs, double? Recovery, double? Settling);

/// <summary>A chaos run's counts at one moment (see <see cref="ChaosLedger"/> for the definitions).</summary>
internal sealed record ChaosTally(
    int Jobs, int JobsCompleted, int Running, long Tasks, long Checked, long Lost, long Duplicated, long Wrong, long Reexecuted,
    IReadOnlyDictionary<FaultKind, int> Faults, int Restarts, int Recovered, int Unrecovered, double? LongestRecovery, double? MedianRecovery, double? LongestSettling,
    double? LatencyP50, double? LatencyP99, IReadOnlyList<string> Problems, IReadOnlyList<string> Notes, IReadOnlyList<FaultEntry> FaultLog);
