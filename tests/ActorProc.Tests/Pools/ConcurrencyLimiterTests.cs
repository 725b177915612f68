using ActorProc.Pools;

namespace ActorProc.Tests.Pools;

public sealed class ConcurrencyLimiterTests : IAsyncLifetime
{
    private readonly ActorSystem _system = ActorSystem.Create("limiter");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _system.Terminate();

    [Fact]
    public async Task Concurrent_acquire_and_release_never_overdraw_and_give_every_permit_back()
    {
        const int Permits = 64;
        var limiter = new ConcurrencyLimiter(Permits);
        var waiter = _system.ActorOf(Props.Create(() => new ResumeCounter(null)));
        var held = 0;
        var overdrawn = false;

        await Task.WhenAll(Enumerable.Range(0, 4).Select(seed => Task.Run(() =>
        {
            var random = new Random(seed);
            for (var i = 0; i < 200_000; i++)
            {
                var got = limiter.TryAcquire(random.Next(1, 9), waiter);
                if (Interlocked.Add(ref held, got) > Permits) overdrawn = true;
                Interlocked.Add(ref held, -got);
                limiter.Release(got);
            }
        })));

        Assert.False(overdrawn);
        Assert.Equal(Permits, limiter.Available);
    }

    [Fact]
    public async Task A_waiter_is_always_woken_when_permits_come_back()
    {
        var limiter = new ConcurrencyLimiter(1);
        for (var round = 0; round < 2_000; round++)
        {
            var woken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var waiter = _system.ActorOf(Props.Create(() => new ResumeCounter(woken)));
            Assert.Equal(1, limiter.TryAcquire(1, waiter)); // take the only permit
            var release = Task.Run(() => limiter.Release(1)); // races with the next acquire
            if (limiter.TryAcquire(1, waiter) == 1)
            {
                limiter.Release(1); // got it after the release: no wake-up needed
                await release;
            }
            else
            {
                await release;
                await woken.Task.Within(); // registered before or during the release: must be woken
            }
            _system.Stop(waiter);
        }
        Assert.Equal(1, limiter.Available);
    }

    private sealed class ResumeCounter(TaskCompletionSource? woken) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is ActorProc.Jobs.Resume) woken?.TrySetResult();
        }
    }
}
