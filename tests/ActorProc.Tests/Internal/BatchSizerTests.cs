using ActorProc.Internal;

namespace ActorProc.Tests.Internal;

public sealed class BatchSizerTests
{
    private static readonly TimeSpan Target = TimeSpan.FromMilliseconds(200);

    [Fact]
    public void The_first_batch_has_the_first_size_capped_by_the_maximum()
    {
        Assert.Equal(16, new BatchSizer(16, 1000, Target).Next);
        Assert.Equal(5, new BatchSizer(16, 5, Target).Next);
    }

    [Fact]
    public void Tiny_tasks_jump_to_the_maximum()
    {
        var sizer = new BatchSizer(16, 100_000, Target);
        sizer.Observe(16, TimeSpan.FromTicks(160)); // 1 µs per task
        Assert.Equal(100_000, sizer.Next);
    }

    [Fact]
    public void Slow_tasks_get_batches_of_about_the_target_time_and_never_fewer_than_one()
    {
        var sizer = new BatchSizer(16, 100_000, Target);
        sizer.Observe(16, TimeSpan.FromMilliseconds(160)); // 10 ms per task
        Assert.Equal(20, sizer.Next);
        sizer.Observe(20, TimeSpan.FromSeconds(20)); // 1 s per task
        Assert.Equal(1, sizer.Next);
    }

    [Fact]
    public void An_empty_batch_teaches_nothing()
    {
        var sizer = new BatchSizer(16, 100_000, Target);
        sizer.Observe(0, TimeSpan.Zero);
        Assert.Equal(16, sizer.Next);
    }
}
