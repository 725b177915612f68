using System.Text.RegularExpressions;

namespace ActorProc.TestKit.Tests;

public sealed class TimingSpec : TestKit
{
    [Fact]
    public void Within_passes_when_the_block_is_quick()
    {
        TestActor.Tell("x", null);
        var received = Within(TimeSpan.FromSeconds(3), () => ExpectMsg<string>());
        Assert.Equal("x", received);
    }

    [Fact]
    public void Within_fails_when_the_block_overruns()
    {
        var e = Assert.Throws<TestKitAssertionException>(() =>
            Within(TimeSpan.FromMilliseconds(50), () =>
            {
                // The overrun itself is what this test is about, so a real pause is the honest way to cause it.
                Thread.Sleep(Dilated(TimeSpan.FromMilliseconds(200)));
            }));
        Assert.StartsWith($"expected the block to complete within {Dilated(TimeSpan.FromMilliseconds(50)).TotalMilliseconds:0} ms but it took", e.Message);
    }

    [Fact]
    public void Expectations_inside_Within_wait_only_for_the_remaining_time()
    {
        var e = Assert.Throws<TestKitAssertionException>(() => Within(TimeSpan.FromMilliseconds(200), () => ExpectMsg<string>()));
        var waited = int.Parse(Regex.Match(e.Message, @"within (\d+) ms").Groups[1].Value);
        Assert.InRange(waited, 0, Dilated(TimeSpan.FromMilliseconds(200)).TotalMilliseconds);
    }

    [Fact]
    public async Task WithinAsync_bounds_async_expectations_too()
    {
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => WithinAsync(TimeSpan.FromMilliseconds(150), () => ExpectMsgAsync<int>()));
        var waited = int.Parse(Regex.Match(e.Message, @"within (\d+) ms").Groups[1].Value);
        Assert.InRange(waited, 0, Dilated(TimeSpan.FromMilliseconds(150)).TotalMilliseconds);

        TestActor.Tell(1, null);
        await WithinAsync(TimeSpan.FromSeconds(3), () => ExpectMsgAsync(1));
    }

    [Fact]
    public void AwaitAssert_retries_until_the_assertion_holds()
    {
        var attempts = 0;
        AwaitAssert(() => Assert.True(++attempts >= 3), interval: TimeSpan.FromMilliseconds(1));
        Assert.Equal(3, attempts);
    }

    [Fact]
    public void AwaitAssert_reports_the_last_failure()
    {
        var e = Assert.Throws<TestKitAssertionException>(() => AwaitAssert(() => Assert.Equal(1, 2), TimeSpan.FromMilliseconds(50)));
        Assert.StartsWith("assertion still failing after", e.Message);
        Assert.IsType<Xunit.Sdk.EqualException>(e.InnerException);
    }

    [Fact]
    public async Task AwaitAssertAsync_retries_until_the_assertion_holds()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        var count = 0;
        var probe = CreateTestProbe();
        for (var i = 0; i < 5; i++) probe.Send(echo, i);
        await AwaitAssertAsync(() =>
        {
            while (probe.HasMessages) { probe.ReceiveOne(); count++; }
            Assert.Equal(5, count);
        });
    }

    [Fact]
    public async Task AwaitConditionAsync_waits_for_the_condition_and_names_it_on_failure()
    {
        var flag = 0;
        _ = Task.Run(() => Volatile.Write(ref flag, 1));
        await AwaitConditionAsync(() => Volatile.Read(ref flag) == 1);

        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => AwaitConditionAsync(() => false, TimeSpan.FromMilliseconds(30), "the moon turns blue"));
        Assert.EndsWith(": the moon turns blue", e.Message);
        Assert.StartsWith("condition not met within", e.Message);
    }
}
