namespace ActorProc.Cluster.Jobs;

/// <summary>
/// One per worker node, at <c>/user/actorproc-job-queries</c>: answers a client's <see cref="GetJobs"/>
/// (many job ids) with one <see cref="JobStatuses"/>. Each id is asked of the node's job shard region,
/// which reaches the job's entity wherever its shard lives; a client that sends each node the ids of
/// the jobs in that node's shards (see <c>ClusterJobClient.GetJobsAsync</c>) thus pays one network
/// round trip per batch instead of one per job, and the entities are asked locally.
/// <para>
/// Concurrency contract: an actor; each query gets its own <see cref="JobQueryGatherer"/> child, so
/// queries overlap and a slow job holds back only its own batch, for at most the gateway's timeout.
/// </para>
/// </summary>
internal sealed class JobQueryGateway : ReceiveActor
{
    /// <summary>The gateway's actor name under <c>/user</c>.</summary>
    public const string Name = "actorproc-job-queries";

    public JobQueryGateway(IActorRef jobRegion, TimeSpan timeout)
    {
        Receive<GetJobs>(query => Context.ActorOf(Props.Create(typeof(JobQueryGatherer), query, Sender, jobRegion, timeout)));
    }
}

/// <summary>
/// Asks every distinct job of one <see cref="GetJobs"/> for its status without results, and answers
/// the client once all have answered, or at the timeout with the rest marked unanswered; then stops.
/// </summary>
internal sealed class JobQueryGatherer : ReceiveActor, IWithTimers
{
    private readonly GetJobs _query;
    private readonly IActorRef _client;
    private readonly IActorRef _jobRegion;
    private readonly TimeSpan _timeout;
    private readonly JobStatus?[] _statuses;
    // Positions of each id still waiting for its answer (an id asked twice is asked of its job once).
    private readonly Dictionary<string, List<int>> _waiting = new(StringComparer.Ordinal);

    public JobQueryGatherer(GetJobs query, IActorRef client, IActorRef jobRegion, TimeSpan timeout)
    {
        _query = query;
        _client = client;
        _jobRegion = jobRegion;
        _timeout = timeout;
        _statuses = new JobStatus?[query.JobIds.Count];
        Receive<JobStatus>(status => Answered(status.JobId, status));
        Receive<JobNotFound>(missing => Answered(missing.JobId, null));
        Receive<TimedOut>(_ => Reply());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        for (var i = 0; i < _query.JobIds.Count; i++)
        {
            var id = _query.JobIds[i];
            if (_waiting.TryGetValue(id, out var positions))
            {
                positions.Add(i);
                continue;
            }
            _waiting[id] = [i];
            _jobRegion.Tell(new GetJob(id, IncludeResults: false), Self);
        }
        if (_waiting.Count == 0) Reply();
        else Timers.StartSingleTimer("timeout", TimedOut.Instance, _timeout);
    }

    private void Answered(string jobId, JobStatus? status)
    {
        if (!_waiting.Remove(jobId, out var positions)) return; // not asked, or already answered
        foreach (var i in positions) _statuses[i] = status;
        if (_waiting.Count == 0) Reply();
    }

    private void Reply()
    {
        var unanswered = _waiting.Values.SelectMany(p => p).Order().ToArray();
        _client.Tell(new JobStatuses(_statuses, unanswered));
        _waiting.Clear();
        Context.Stop(Self);
    }

    private sealed class TimedOut
    {
        public static readonly TimedOut Instance = new();
    }
}
