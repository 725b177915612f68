using Akka.Cluster.Sharding;
using ActorProc.Cluster.Client;
using ActorProc.Cluster.Configuration;

namespace ActorProc.Cluster.Nodes;

/// <summary>
/// A running cluster node (what <c>actorproc node</c> runs): an actor system on Akka.Remote TCP that is
/// a member of the cluster, hosting its share of the job and partition shards, a worker pool on
/// the CPU dispatcher that runs their tasks, and a SQL journal. Membership changes are logged to
/// standard error (<c>actorproc cluster: member up: ...</c>).
/// <para>
/// Stop it with <see cref="StopAsync"/> (or dispose it): the node leaves the cluster through Akka's
/// CoordinatedShutdown, its shards hand off to the other workers (a partition finishes and persists
/// the batch it is running first) and its system terminates. A node that is downed by the split-brain
/// resolver terminates by itself; <see cref="WhenTerminated"/> completes then too.
/// </para>
/// <para>Concurrency contract: every member may be called from any thread; the node holds no mutable state of its own.</para>
/// </summary>
public sealed class ClusterNode : IAsyncDisposable
{
    private readonly TaskCompletionSource _up = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ClusterNode(ActorSystem system, NodeSettings settings, WorkerPool pool, IActorRef jobs, ClusterJobSettings jobSettings)
    {
        System = system;
        Settings = settings;
        Pool = pool;
        Address = Akka.Cluster.Cluster.Get(system).SelfAddress;
        Jobs = new ClusterJobClient(system, jobs, jobSettings.AskTimeout, ownsSystem: false);
        Akka.Cluster.Cluster.Get(system).RegisterOnMemberUp(() => _up.TrySetResult());
        _ = system.WhenTerminated.ContinueWith(_ => _up.TrySetCanceled(), TaskScheduler.Default);
    }

    /// <summary>
    /// Starts a node: checks the settings, opens the journal, creates the actor system (bound to
    /// <see cref="NodeSettings.Host"/>:<see cref="NodeSettings.Port"/>), starts sharding of jobs and
    /// partitions and the worker pool, and joins the seed nodes (or itself when there are none). It
    /// returns without waiting to be up: an unreachable seed is retried for ever, with a log line; await
    /// <see cref="WhenUp"/> to wait for membership.
    /// </summary>
    /// <param name="settings">Where to listen, whom to join, roles, journal, extra HOCON.</param>
    /// <param name="tasks">The tasks this node can run (partitions of jobs whose task is missing here report their tasks failed).</param>
    /// <param name="cancellationToken">Cancels opening the journal.</param>
    /// <exception cref="ArgumentException">A setting is invalid (the message names it), or another process already listens on the node's port.</exception>
    /// <exception cref="JournalUnavailableException">The journal cannot be opened.</exception>
    /// <exception cref="Akka.Configuration.ConfigurationException">The configuration is invalid.</exception>
    public static async Task<ClusterNode> StartAsync(NodeSettings settings, TaskRegistry tasks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(tasks);
        settings.Validate();
        var journal = NodeConfig.Journal(settings);
        await JournalProbe.EnsureOpenAsync(journal, cancellationToken).ConfigureAwait(false);
        var config = NodeConfig.Build(settings, journal);
        PortProbe.EnsureFree(config);
        var jobSettings = ClusterJobSettings.FromConfig(config);
        var system = ClusterTls.CreateSystem(jobSettings.SystemName, config);
        try
        {
            var cluster = Akka.Cluster.Cluster.Get(system);
            var seeds = cluster.Settings.SeedNodes.Select(a => a.ToString()).ToArray();
            system.ActorOf(Props.Create(typeof(MembershipLogger), (IReadOnlyList<string>)seeds), "actorproc-membership");
            system.ActorOf(Props.Create<QuarantineWatcher>(), "actorproc-quarantine-watcher");
            system.ActorOf(Props.Create<ExitedMemberDowning>(), "actorproc-exited-member-downing");
            system.Log.Info(MembershipLogger.Prefix + "node starting at {0} with roles [{1}], journal {2}", cluster.SelfAddress, string.Join(",", cluster.SelfRoles), journal.DisplayName);

            const string poolName = "cluster-tasks";
            var pool = new WorkerPool(system, WorkerPoolOptions.FromConfig(system.Settings.Config, poolName) with { Name = poolName });
            // After the shards have handed off (earlier phases), nothing may wait on the pool any more.
            CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "stop-actorproc-pool", async () =>
            {
                await pool.StopAsync(force: true).ConfigureAwait(false);
                return Akka.Done.Instance;
            });

            var services = new NodeServices(tasks, pool, jobSettings, cluster.SelfAddress.ToString());
            var sharding = ClusterSharding.Get(system);
            var shardingSettings = ClusterShardingSettings.Create(system);
            // Partitions are not remembered: their job keeps telling unfinished ones to run (see JobEntity).
            await sharding.StartAsync(EntityIds.PartitionType, id => Props.Create(typeof(PartitionEntity), id, services), shardingSettings.WithRememberEntities(false),
                ShardingExtractors.Partitions(jobSettings.PartitionShards), sharding.DefaultShardAllocationStrategy(shardingSettings), StopPartition.Instance).ConfigureAwait(false);
            var jobs = await sharding.StartAsync(EntityIds.JobType, id => Props.Create(typeof(JobEntity), id, services), shardingSettings,
                ShardingExtractors.Jobs(jobSettings.JobShards), sharding.DefaultShardAllocationStrategy(shardingSettings), PoisonPill.Instance).ConfigureAwait(false);

            system.ActorOf(Props.Create(typeof(JobQueryGateway), jobs, jobSettings.AskTimeout), JobQueryGateway.Name);
            Metrics.NodeMetrics.Start(system, jobSettings.AskTimeout);
            if (seeds.Length == 0) cluster.Join(cluster.SelfAddress); // a cluster of its own
            return new ClusterNode(system, settings, pool, jobs, jobSettings);
        }
        catch
        {
            await system.Terminate().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The node's actor system (<c>akka.tcp://actorproc@host:port</c>).</summary>
    public ActorSystem System { get; }

    /// <summary>The node's address, with the real port when <see cref="NodeSettings.Port"/> was 0.</summary>
    public Address Address { get; }

    /// <summary>The settings it was started with.</summary>
    public NodeSettings Settings { get; }

    /// <summary>The worker pool that runs the node's partitions' tasks (on <c>actorproc.cpu-dispatcher</c>).</summary>
    public WorkerPool Pool { get; }

    /// <summary>A client that submits and queries jobs through this node (it does not own the node; disposing it does nothing).</summary>
    public ClusterJobClient Jobs { get; }

    /// <summary>Completes when this node is an Up member of the cluster; cancelled if the node terminates first.</summary>
    public Task WhenUp => _up.Task;

    /// <summary>Completes when the node's actor system has terminated (after <see cref="StopAsync"/>, or when the split-brain resolver downed it).</summary>
    public Task WhenTerminated => System.WhenTerminated;

    /// <summary>
    /// Leaves the cluster gracefully (Akka's CoordinatedShutdown with the cluster-leaving reason): shards
    /// hand off to the other workers, then the system terminates. Safe to call more than once.
    /// </summary>
    public async Task StopAsync()
    {
        await CoordinatedShutdown.Get(System).Run(CoordinatedShutdown.ClusterLeavingReason.Instance).ConfigureAwait(false);
        await System.WhenTerminated.ConfigureAwait(false);
    }

    /// <summary>The same as <see cref="StopAsync"/>.</summary>
    public ValueTask DisposeAsync() => new(StopAsync());
}
