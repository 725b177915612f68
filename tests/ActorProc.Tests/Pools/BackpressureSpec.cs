namespace ActorProc.Tests.Pools;

public sealed class BackpressureSpec
{
    [Fact]
    public async Task Ten_million_lazy_inputs_never_exceed_the_in_flight_window()
    {
        const int Window = 10_000;
        await using var pool = TestPools.Create(new WorkerPoolOptions { MaxInFlight = Window });
        long pulled = 0, done = 0, worstLead = 0;
        IEnumerable<int> Generate()
        {
            for (var i = 0; i < 10_000_000; i++)
            {
                // Pulled but not yet run can only be in flight, so this lead is bounded by the window.
                var lead = ++pulled - Volatile.Read(ref done);
                if (lead > worstLead) worstLead = lead;
                yield return i;
            }
        }

        await pool.ForEachAsync(Generate(), _ => Interlocked.Increment(ref done)).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(10_000_000, done);
        Assert.InRange(worstLead, 1, Window);
    }

    [Fact]
    public async Task A_slow_consumer_of_as_completed_bounds_how_far_the_source_is_read()
    {
        const int Window = 50;
        await using var pool = TestPools.Create(new WorkerPoolOptions { MaxInFlight = Window });
        var pulled = 0;
        var consumed = 0;
        var worstLead = 0;
        IEnumerable<int> Generate()
        {
            for (var i = 0; i < 2_000; i++)
            {
                var lead = Interlocked.Increment(ref pulled) - Volatile.Read(ref consumed);
                worstLead = Math.Max(worstLead, lead);
                yield return i;
            }
        }

        await foreach (var result in pool.AsCompleted(Generate(), x => x))
        {
            if (result.Index % 100 == 0) await Task.Yield(); // a consumer that is sometimes slow
            Interlocked.Increment(ref consumed);
        }

        Assert.Equal(2_000, consumed);
        Assert.InRange(worstLead, 1, Window);
    }

    [Fact]
    public async Task Progress_reports_never_show_more_in_flight_than_the_window()
    {
        await using var pool = TestPools.Create(new WorkerPoolOptions { MaxInFlight = 500 });
        var reports = new List<JobProgress>();
        var progress = new SynchronousProgress<JobProgress>(p => { lock (reports) reports.Add(p); });

        var report = await pool.RunAsync(TestPools.Lazy(200_000), x => x,
            new JobOptions { Progress = progress, ProgressInterval = TimeSpan.FromMilliseconds(5) }).Within();

        Assert.True(report.AllSucceeded);
        Assert.InRange(report.PeakInFlight, 1, 500);
        JobProgress last;
        lock (reports)
        {
            Assert.All(reports, p => Assert.InRange(p.InFlight, 0, 500));
            last = reports[^1];
        }
        Assert.True(last.IsFinal);
        Assert.Equal(200_000, last.Completed);
        Assert.Equal(200_000, last.Succeeded);
    }

    /// <summary>An IProgress that reports on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
