using System.Threading.Channels;

namespace ActorProc.TestKit.Internal;

/// <summary>One message as the probe received it.</summary>
internal readonly record struct ReceivedMessage(object Message, IActorRef Sender);

/// <summary>Asks the probe's actor to watch (or unwatch) a target; <see cref="Done"/> completes once it did.</summary>
internal sealed record WatchCommand(IActorRef Target, bool Watch, TaskCompletionSource Done);

/// <summary>
/// The real actor behind a <see cref="TestProbe"/>: it writes every message it receives into the probe's
/// channel. Being a real actor is what makes death watch, Ask replies and <c>Sender</c> work through the
/// kernel's normal paths.
/// <para>
/// Concurrency contract: runs on its dispatcher like any actor (one message at a time); the channel is
/// unbounded and multi-writer safe, and the test thread is its only reader.
/// </para>
/// </summary>
internal sealed class ProbeActor(ChannelWriter<ReceivedMessage> queue) : UntypedActor
{
    protected override void OnReceive(object message)
    {
        if (message is WatchCommand command)
        {
            if (command.Watch) Context.Watch(command.Target);
            else Context.Unwatch(command.Target);
            command.Done.TrySetResult();
            return;
        }
        // Unbounded channel: TryWrite only fails once the probe was completed (the test is over).
        queue.TryWrite(new ReceivedMessage(message, Sender));
    }
}
