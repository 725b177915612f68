using ActorProc.Core.Actors;
using ActorProc.Remote.Transport;

namespace ActorProc.Remote.Tests.Transport;

/// <summary>The two halves of reliable system-message delivery, without a network.</summary>
public sealed class SystemMessageDeliveryTests
{
    private static OutboundEnvelope Envelope(string tag) => new(FrameType.SystemMessage, Nobody.Instance, tag, null);

    [Fact]
    public void Messages_are_numbered_in_order_and_a_cumulative_ack_forgets_them()
    {
        var buffer = new SystemMessageBuffer(10);
        Assert.True(buffer.TryAdd(Envelope("a"), out var first));
        Assert.True(buffer.TryAdd(Envelope("b"), out var second));
        Assert.True(buffer.TryAdd(Envelope("c"), out var third));
        Assert.Equal([1L, 2L, 3L], [first, second, third]);
        buffer.Ack(2);
        Assert.Equal(1, buffer.Count);
        Assert.Equal("c", buffer.TakeSnapshotForResend().Single().Envelope.Message);
    }

    [Fact]
    public void A_full_buffer_refuses_more_and_a_retracted_message_frees_its_number()
    {
        var buffer = new SystemMessageBuffer(2);
        Assert.True(buffer.TryAdd(Envelope("a"), out _));
        Assert.True(buffer.TryAdd(Envelope("b"), out var b));
        Assert.False(buffer.TryAdd(Envelope("c"), out _));
        buffer.Retract(b);
        Assert.True(buffer.TryAdd(Envelope("c"), out var c));
        Assert.Equal(b, c);
    }

    [Fact]
    public void Stalled_means_unacked_and_not_sent_for_the_interval()
    {
        var buffer = new SystemMessageBuffer(10);
        Assert.False(buffer.IsStalled(TimeSpan.Zero));
        buffer.TryAdd(Envelope("a"), out _);
        Assert.True(buffer.IsStalled(TimeSpan.Zero));
        Assert.False(buffer.IsStalled(TimeSpan.FromHours(1)));
        buffer.Ack(1);
        Assert.False(buffer.IsStalled(TimeSpan.Zero));
    }

    [Fact]
    public void Reset_drops_everything_and_restarts_the_numbering()
    {
        var buffer = new SystemMessageBuffer(10);
        buffer.TryAdd(Envelope("a"), out _);
        buffer.TryAdd(Envelope("b"), out _);
        Assert.Equal(2, buffer.Reset().Length);
        Assert.True(buffer.TryAdd(Envelope("c"), out var seq));
        Assert.Equal(1, seq);
    }

    [Fact]
    public void The_receiver_accepts_each_number_once_and_only_in_order()
    {
        var sequence = new InboundSystemSequence();
        Assert.True(sequence.TryAccept(1));
        Assert.False(sequence.TryAccept(1)); // a resend of a delivered message
        Assert.False(sequence.TryAccept(3)); // after a gap: wait for 2
        Assert.True(sequence.TryAccept(2));
        Assert.True(sequence.TryAccept(3));
        Assert.Equal(3, sequence.Last);
    }
}
