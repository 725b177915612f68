using ActorProc.Core.Actors;
using ActorProc.Remote.Tests.Support;

namespace ActorProc.Remote.Tests.Transport;

/// <summary>Per sender–receiver ordering across the wire under load.</summary>
public sealed class OrderingSpec : IAsyncLifetime
{
    private const int Count = 1_000_000;
    private readonly Nodes _nodes = new();
    private Remoting _a = null!;
    private Remoting _b = null!;

    public Task InitializeAsync()
    {
        // The queue holds the whole burst: this test is about order, not about the overflow policy.
        const string bigQueue = "actorproc.remote.send-queue-size = 2000000";
        _a = _nodes.Start("alpha", extra: bigQueue);
        _b = _nodes.Start("beta", extra: bigQueue);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _nodes.DisposeAsync();

    [Fact]
    public async Task A_million_messages_arrive_in_the_order_they_were_sent()
    {
        var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _b.System.ActorOf(Props.Create(() => new SequenceChecker(Count, done)), "checker");
        var checker = await _a.System.ActorSelection($"{_b.Address}/user/checker").ResolveOne(TimeSpan.FromSeconds(10));
        for (var i = 0; i < Count; i++) checker.Tell(i, null);
        Assert.Equal("in order", await done.Task.WaitAsync(TimeSpan.FromSeconds(40)));
    }

    private sealed class SequenceChecker : ReceiveActor
    {
        private int _next;

        public SequenceChecker(int count, TaskCompletionSource<string> done) =>
            Receive<int>(i =>
            {
                if (i != _next) done.TrySetResult($"expected {_next} but got {i}");
                _next = i + 1;
                if (_next == count) done.TrySetResult("in order");
            });
    }
}
