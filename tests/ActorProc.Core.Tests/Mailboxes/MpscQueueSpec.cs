using ActorProc.Core.Mailboxes;

namespace ActorProc.Core.Tests.Mailboxes;

/// <summary>The lock-free multi-producer single-consumer queue under every mailbox.</summary>
public sealed class MpscQueueSpec
{
    [Fact]
    public void Items_come_out_in_the_order_they_went_in_across_segment_growth()
    {
        var queue = new MpscQueue<int>();
        const int count = 100_000; // far beyond the 4-slot first segment and the 16 K largest one
        for (var i = 0; i < count; i++) queue.Enqueue(i);
        Assert.Equal(count, queue.Count);
        for (var i = 0; i < count; i++)
        {
            Assert.True(queue.TryDequeue(out var item));
            Assert.Equal(i, item);
        }
        Assert.False(queue.TryDequeue(out _));
        Assert.True(queue.IsEmpty);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void A_queue_that_never_fills_its_segment_reuses_it_as_a_ring()
    {
        var queue = new MpscQueue<string>();
        for (var round = 0; round < 10_000; round++)
        {
            queue.Enqueue("a");
            queue.Enqueue("b");
            Assert.True(queue.TryDequeue(out var a));
            Assert.True(queue.TryDequeue(out var b));
            Assert.Equal(("a", "b"), (a, b));
        }
        Assert.True(queue.IsEmpty);
    }

    [Fact]
    public async Task Four_producers_and_a_concurrent_consumer_deliver_every_item_exactly_once_in_producer_order()
    {
        const int producers = 4;
        const int perProducer = 1_000_000;
        var queue = new MpscQueue<long>();
        using var start = new Barrier(producers + 1);

        var consumer = Task.Factory.StartNew(() =>
        {
            var next = new long[producers];
            var outOfOrder = 0L;
            var received = 0L;
            start.SignalAndWait();
            var spinner = new SpinWait();
            while (received < producers * (long)perProducer)
            {
                if (!queue.TryDequeue(out var item))
                {
                    spinner.SpinOnce(sleep1Threshold: -1);
                    continue;
                }
                var producer = (int)(item >> 32);
                var sequence = item & 0xFFFF_FFFF;
                if (sequence != next[producer]) outOfOrder++;
                next[producer] = sequence + 1;
                received++;
            }
            return (next, outOfOrder, received, extra: queue.TryDequeue(out _));
        }, TaskCreationOptions.LongRunning);

        var producerTasks = Enumerable.Range(0, producers).Select(p => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            for (long i = 0; i < perProducer; i++) queue.Enqueue(((long)p << 32) | i);
        }, TaskCreationOptions.LongRunning)).ToArray();

        await Task.WhenAll(producerTasks).WaitAsync(TimeSpan.FromMinutes(2));
        var result = await consumer.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(0, result.outOfOrder);
        Assert.Equal(producers * (long)perProducer, result.received);
        Assert.All(result.next, n => Assert.Equal(perProducer, n));
        Assert.False(result.extra);
    }
}
