using System.Collections.Concurrent;
using ActorProc.Core.Actors;
using ActorProc.Core.Events;

namespace ActorProc.Core.Tests.Lifecycle;

using ActorProc.TestKit;

/// <summary>ActorSystem.Terminate: children before parents, a bounded wait, idempotent, dead letters afterwards.</summary>
public sealed class CoordinatedShutdownSpec : TestKit
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Terminate_stops_every_child_before_its_parent()
    {
        var started = new ConcurrentQueue<string>();
        var stopped = new ConcurrentQueue<ActorPath>();
        // Two top-level trees, three levels deep, two children per node: 2 × (1 + 2 + 4) = 14 actors.
        for (var i = 0; i < 2; i++) Sys.ActorOf(Props.Create(() => new TreeNode(2, started, stopped)), $"tree{i}");
        await AwaitConditionAsync(() => started.Count == 14, message: "the trees are built");

        var result = await Sys.Terminate().WaitAsync(Bound);

        Assert.False(result.Forced);
        Assert.Empty(result.OverranActors);
        Assert.True(Sys.WhenTerminated.IsCompletedSuccessfully);
        var order = stopped.ToList();
        Assert.Equal(14, order.Count);
        var pairs = 0;
        foreach (var path in order)
        {
            var parentIndex = order.IndexOf(path.Parent);
            if (parentIndex < 0) continue; // a top-level actor: its parent is the guardian
            Assert.True(order.IndexOf(path) < parentIndex, $"{path} stopped after its parent");
            pairs++;
        }
        Assert.Equal(12, pairs);
    }

    [Fact]
    public async Task An_actor_blocked_past_the_shutdown_timeout_is_stopped_forcibly_and_named()
    {
        using var release = new SemaphoreSlim(0);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var system = ActorSystem.Create("forced", """
            actorproc.coordinated-shutdown.timeout = 500ms
            actorproc.loglevel = ERROR
            """);
        try
        {
            var blocked = system.ActorOf(Props.Create(() => new Blocking(entered, release)), "blocked");
            system.ActorOf(PingActor.Props(), "idle");
            blocked.Tell("block");
            await entered.Task.WaitAsync(Bound);

            var result = await system.Terminate().WaitAsync(Bound);

            Assert.True(result.Forced);
            Assert.Contains(blocked.Path.ToString(), result.OverranActors);
            Assert.DoesNotContain(result.OverranActors, p => p.EndsWith("/idle", StringComparison.Ordinal));
        }
        finally
        {
            release.Release(); // let the blocked thread go
            await system.Terminate().WaitAsync(Bound);
        }
    }

    [Fact]
    public async Task Messages_to_actors_after_shutdown_go_to_dead_letters()
    {
        var actor = Sys.ActorOf(PingActor.Props(), "late");
        var letters = new ConcurrentQueue<DeadLetter>();
        using var subscription = Sys.EventStream.Subscribe<DeadLetter>(letters.Enqueue);
        await Sys.Terminate().WaitAsync(Bound);

        actor.Tell("ping", TestActor);

        var letter = Assert.Single(letters);
        Assert.Equal("ping", letter.Message);
        Assert.Equal(actor, letter.Recipient);
    }

    [Fact]
    public async Task Terminate_is_idempotent()
    {
        var first = Sys.Terminate();
        var second = Sys.Terminate();

        var result = await first.WaitAsync(Bound);

        Assert.Same(first, second);
        Assert.Same(result, await Sys.Terminate());
        Assert.Throws<ActorSystemTerminatedException>(() => Sys.ActorOf(PingActor.Props(), "too-late"));
    }

    [Fact]
    public async Task Await_using_terminates_the_system()
    {
        var stopped = new ConcurrentQueue<ActorPath>();
        var system = ActorSystem.Create("disposed");
        await using (system)
        {
            system.ActorOf(Props.Create(() => new TreeNode(0, new ConcurrentQueue<string>(), stopped)), "leaf");
        }

        Assert.True(system.WhenTerminated.IsCompletedSuccessfully);
        Assert.Single(stopped);
    }

    /// <summary>Builds <c>depth</c> more levels of two children each; records when it starts and stops.</summary>
    private sealed class TreeNode : ReceiveActor
    {
        private readonly int _depth;
        private readonly ConcurrentQueue<string> _started;
        private readonly ConcurrentQueue<ActorPath> _stopped;

        public TreeNode(int depth, ConcurrentQueue<string> started, ConcurrentQueue<ActorPath> stopped)
        {
            _depth = depth;
            _started = started;
            _stopped = stopped;
        }

        protected override void PreStart()
        {
            if (_depth > 0)
                for (var i = 0; i < 2; i++) Context.ActorOf(Props.Create(() => new TreeNode(_depth - 1, _started, _stopped)), $"n{i}");
            _started.Enqueue(Self.Path.ToString());
        }

        protected override void PostStop() => _stopped.Enqueue(Self.Path);
    }

    /// <summary>Blocks in its handler until the test releases it.</summary>
    private sealed class Blocking : ReceiveActor
    {
        public Blocking(TaskCompletionSource entered, SemaphoreSlim release)
        {
            Receive<string>(_ =>
            {
                entered.TrySetResult();
                release.Wait(TimeSpan.FromSeconds(30));
            });
        }
    }
}
