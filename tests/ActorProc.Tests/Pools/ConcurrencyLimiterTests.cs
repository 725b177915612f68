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

    [Fact]
    public async Task A_waiter_that_finds_no_permits_again_and_again_is_woken_once_per_release_not_once_per_try()
    {
        // Regression: every failed try queued the waiter again, and each release then woke it once per
        // entry; its pump failed again and queued more. An isolated pool's job spent a core on that storm.
        var limiter = new ConcurrencyLimiter(0);
        var probe = new Akka.TestKit.Xunit2.TestKit(_system);
        for (var i = 0; i < 100; i++) Assert.Equal(0, limiter.TryAcquire(1, probe.TestActor));

        limiter.Release(1);

        await probe.ExpectMsgAsync<ActorProc.Jobs.Resume>();
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        Assert.Equal(1, limiter.TryAcquire(5, probe.TestActor));
        Assert.Equal(0, limiter.TryAcquire(1, probe.TestActor)); // queued again after its wake-up
        limiter.Release(1);
        await probe.ExpectMsgAsync<ActorProc.Jobs.Resume>();
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    private sealed class ResumeCounter(TaskCompletionSource? woken) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is ActorProc.Jobs.Resume) woken?.TrySetResult();
        }
    }
}
