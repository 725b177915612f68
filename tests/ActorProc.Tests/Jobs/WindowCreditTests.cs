using ActorProc.Jobs;

namespace ActorProc.Tests.Jobs;

public sealed class WindowCreditTests : IAsyncLifetime
{
    private readonly ActorSystem _system = ActorSystem.Create("credit");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _system.Terminate();

    [Fact]
    public async Task A_parked_job_is_always_woken_by_a_racing_release()
    {
        for (var round = 0; round < 2_000; round++)
        {
            var woken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var job = _system.ActorOf(Props.Create(() => new ResumeWaiter(woken)));
            var sink = new NullSink();
            sink.Attach(job);
            // Window of 1 with one input pulled: full until the consumer releases it.
            var release = Task.Run(() => sink.Release(1));
            if (sink.TryPark(pulled: 1, window: 1)) await woken.Task.Within();
            await release;
            _system.Stop(job);
        }
    }

    [Fact]
    public void A_job_does_not_park_when_credit_is_available()
    {
        var sink = new NullSink();
        sink.Release(5);

        Assert.False(sink.TryPark(pulled: 7, window: 3));
        Assert.True(sink.TryPark(pulled: 8, window: 3));
    }

    private sealed class NullSink : JobSink<int, int>
    {
        public override void OnSucceeded(TaskId id, int input, int value, int attempts, long durationTicks) { }

        public override void OnNotSucceeded(TaskResult<int, int> result) { }

        public override void Complete(JobCompletion completion) { }
    }

    private sealed class ResumeWaiter(TaskCompletionSource woken) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is Resume) woken.TrySetResult();
        }
    }
}
