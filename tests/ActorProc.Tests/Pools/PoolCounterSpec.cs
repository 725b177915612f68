namespace ActorProc.Tests.Pools;

/// <summary>
/// The pool's task counter (<see cref="PoolStatistics.TasksStarted"/>), which <c>bench pool</c> uses to
/// check that 10 million tasks ran. A chunk or lease adds its tasks before it reports them to the job, so
/// the count includes every task of a job once the job has completed (regression: it used to lag).
/// </summary>
public sealed class PoolCounterSpec
{
    [Fact]
    public async Task Task_counter_is_exact_once_the_pool_has_stopped()
    {
        for (var round = 0; round < 20; round++)
        {
            var pool = TestPools.Create(new WorkerPoolOptions { Workers = 3, RetryBackoff = RetryBackoff.None });
            const int inputs = 300_000;

            await pool.ForEachAsync(new ActorProc.Tests.Jobs.IndexList(inputs), static _ => { }).Within();
            await pool.StopAsync().Within();

            Assert.Equal(inputs, pool.Statistics.TasksStarted);
        }
    }

    [Fact]
    public async Task Task_counter_includes_every_task_of_a_job_as_soon_as_the_job_completes()
    {
        await using var pool = TestPools.Create(new WorkerPoolOptions { Workers = 3, RetryBackoff = RetryBackoff.None });
        var expected = 0L;
        for (var job = 0; job < 500; job++)
        {
            var inputs = 20_000 + job;
            expected += inputs;

            await pool.ForEachAsync(new ActorProc.Tests.Jobs.IndexList(inputs), static _ => { }).Within();

            Assert.Equal(expected, pool.Statistics.TasksStarted);
        }
    }
}
