using ActorProc.Core.Actors;
using ActorProc.Remote.Transport;

namespace ActorProc.Remote.Tests.Transport;

/// <summary>The bounded MPSC send queue: its bound, and no lost wake-up under concurrent producers.</summary>
public sealed class OutboundQueueTests
{
    [Fact]
    public void The_queue_refuses_items_beyond_its_capacity()
    {
        var queue = new OutboundQueue(3);
        for (var i = 0; i < 3; i++) Assert.True(queue.TryEnqueue(Envelope(i)));
        Assert.False(queue.TryEnqueue(Envelope(3)));
        Assert.True(queue.TryDequeue(out var first));
        Assert.Equal(0, first.Message);
        Assert.True(queue.TryEnqueue(Envelope(4)));
        Assert.Equal(3, queue.Count);
    }

    [Fact]
    public async Task A_parked_consumer_wakes_for_every_burst_and_sees_each_producers_items_in_order()
    {
        const int producers = 4, perProducer = 50_000;
        var queue = new OutboundQueue(producers * perProducer);
        var last = Enumerable.Repeat(-1, producers).ToArray();
        var received = 0;
        var consumer = Task.Run(async () =>
        {
            while (received < producers * perProducer)
            {
                while (queue.TryDequeue(out var envelope))
                {
                    var (producer, seq) = ((int, int))envelope.Message;
                    Assert.Equal(last[producer] + 1, seq);
                    last[producer] = seq;
                    received++;
                }
                if (received < producers * perProducer) await queue.WaitAsync(CancellationToken.None);
            }
        });
        var tasks = Enumerable.Range(0, producers).Select(p => Task.Run(async () =>
        {
            for (var i = 0; i < perProducer; i++)
            {
                Assert.True(queue.TryEnqueue(Envelope((p, i))));
                if (i % 1000 == 0) await Task.Yield(); // let the consumer park now and then
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        await consumer.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.All(last, l => Assert.Equal(perProducer - 1, l));
    }

    private static OutboundEnvelope Envelope(object message) => new(FrameType.Message, Nobody.Instance, message, null);
}
