using ActorProc.Cluster.Client;
using ActorProc.Cluster.Jobs;

namespace ActorProc.Dashboard.Sampling;

/// <summary>
/// Samples a cluster through a <see cref="ClusterJobClient"/> and publishes a <see cref="DashboardSnapshot"/>
/// every interval. Two loops, so that a slow job query never delays the member table: the status loop
/// asks for the live entities and the jobs' states (a job whose shard is moving after a crash may take
/// up to the ask timeout to answer) and replaces <see cref="_jobs"/>; the publishing loop reads the members from this
/// member's own cluster state (no network) and publishes a snapshot with the latest jobs view.
/// <para>
/// Concurrency contract: each loop runs on its own; the status loop alone touches <see cref="_tracker"/>,
/// the publishing loop alone touches <see cref="_members"/> and the sequence. They share only
/// <see cref="_jobs"/>, an immutable view swapped by reference. Readers (<see cref="Latest"/>,
/// <see cref="NextAsync"/>) may call from any thread: a snapshot is immutable, and <see cref="_next"/> is
/// swapped with <see cref="Interlocked.Exchange{T}(ref T, T)"/> before it is completed (its continuations
/// run asynchronously).
/// </para>
/// </summary>
internal sealed class ClusterSampler : IAsyncDisposable
{
    private readonly ClusterJobClient _client;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _window;
    private readonly JobTracker _tracker;
    private readonly MemberTracker _members = new();
    private readonly Akka.Cluster.Cluster _cluster;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _statusLoop;
    private readonly Task _publishLoop;
    private volatile JobsView _jobs = JobsView.Empty;
    private volatile DashboardSnapshot _latest;
    private TaskCompletionSource<DashboardSnapshot> _next = NewSignal();
    private long _sequence;

    public ClusterSampler(ClusterJobClient client, TimeSpan interval, TimeSpan throughputWindow)
    {
        _client = client;
        _interval = interval;
        _window = throughputWindow;
        _tracker = new JobTracker(throughputWindow);
        _cluster = Akka.Cluster.Cluster.Get(client.System);
        _latest = Snapshot();
        _statusLoop = Task.Run(() => StatusLoopAsync(_stop.Token));
        _publishLoop = Task.Run(() => PublishLoopAsync(_stop.Token));
    }

    /// <summary>The newest snapshot.</summary>
    public DashboardSnapshot Latest => _latest;

    /// <summary>Completes with the next snapshot published.</summary>
    public Task<DashboardSnapshot> NextAsync(CancellationToken cancellationToken) => Volatile.Read(ref _next).Task.WaitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_statusLoop, _publishLoop).ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task PublishLoopAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(_interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                var snapshot = Snapshot();
                _latest = snapshot;
                Interlocked.Exchange(ref _next, NewSignal()).TrySetResult(snapshot);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private DashboardSnapshot Snapshot()
    {
        var state = _cluster.State;
        var self = _cluster.SelfAddress.ToString();
        var current = state.Members.Union(state.Unreachable).Select(m => new ClusterMemberInfo(m.Address.ToString(),
            m.Roles.Order(StringComparer.Ordinal).ToArray(), m.Status.ToString().ToLowerInvariant(), !state.Unreachable.Contains(m)));
        var now = DateTimeOffset.UtcNow;
        return new DashboardSnapshot(Interlocked.Increment(ref _sequence), now, self, _members.Update(current, self, now), _window.TotalSeconds, _jobs);
    }

    private async Task StatusLoopAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await SampleJobsAsync(stop).ConfigureAwait(false);
                await Task.Delay(_interval, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// One job sample: the live entities from the shard regions (nothing is sent to the jobs, so finished
    /// jobs still passivate), then the state of each job that is new or not yet done.
    /// </summary>
    private async Task SampleJobsAsync(CancellationToken stop)
    {
        try
        {
            var nodes = await _client.GetLiveEntitiesAsync(stop).ConfigureAwait(false);
            var asked = _tracker.ToAsk(nodes.SelectMany(n => n.JobIds));
            var answers = await Task.WhenAll(asked.Select(id => AskAsync(id, stop))).ConfigureAwait(false);
            var now = DateTimeOffset.UtcNow;
            foreach (var (id, answered, job) in answers)
            {
                if (!answered) continue; // no answer in time (its shard is moving): asked again next sample
                if (job is null) _tracker.Vanished(id, now);
                else if (job.IsDone) _tracker.Finished(job, now);
                else _tracker.Running(job, now);
            }
            var shards = nodes.Select(n => new ShardView(n.Address, n.JobShards, n.PartitionShards, n.JobIds.Count, n.Partitions)).ToArray();
            var timedOut = answers.Count(a => !a.Answered);
            _jobs = _tracker.Complete(shards, now, timedOut == 0 ? null : $"{timedOut} job(s) did not answer in time (a shard may be moving after a node left); shown as last seen.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Shown on the page; the loop goes on.
            _jobs = _tracker.Stale(_jobs, $"The last status query did not complete: {e.Message}");
        }
    }

    /// <summary>A job's state, its latest failures (with their inputs) included; never its per-task results.</summary>
    private async Task<(string Id, bool Answered, JobStatus? Job)> AskAsync(string jobId, CancellationToken stop)
    {
        try
        {
            return (jobId, true, await _client.GetJobAsync(jobId, includeResults: false, stop).ConfigureAwait(false));
        }
        catch (TimeoutException)
        {
            return (jobId, false, null);
        }
    }

    private static TaskCompletionSource<DashboardSnapshot> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
