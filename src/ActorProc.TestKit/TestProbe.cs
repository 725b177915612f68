using System.Threading.Channels;
using ActorProc.Core.Actors.SystemMessages;
using ActorProc.TestKit.Internal;

namespace ActorProc.TestKit;

/// <summary>
/// A ref that records every message it receives, so a test can assert on them in order
/// (<see cref="ExpectMsg{T}(TimeSpan?)"/>, <see cref="ExpectNoMsg"/>, <see cref="ExpectTerminated"/>, ...).
/// Pass it as the sender of a message, subscribe it to events, or hand it to an actor under test as a
/// collaborator. Behind it is a real actor under <c>/system</c>, so replies, <c>Ask</c>, and death watch in
/// both directions (the probe watching an actor, an actor watching the probe) work as with any actor.
/// Create probes with <see cref="TestKit.CreateTestProbe"/>.
/// <para>
/// Concurrency contract: any thread may send to the probe; the expectation methods are meant for one
/// thread at a time (the test's), which is also the only reader of the probe's queue.
/// </para>
/// </summary>
public sealed partial class TestProbe : IActorRef, IInternalActorRef, IActorRefWithSystem
{
    private readonly TestKitContext _context;
    private readonly Channel<ReceivedMessage> _queue =
        Channel.CreateUnbounded<ReceivedMessage>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly IInternalActorRef _ref;
    private ReceivedMessage? _last;

    internal TestProbe(TestKitContext context, string name)
    {
        _context = context;
        _ref = (IInternalActorRef)context.System.SystemActorOf(Props.Create(() => new ProbeActor(_queue.Writer)), name);
    }

    /// <summary>The ref of the actor behind this probe (equal to the probe itself).</summary>
    public IActorRef Ref => _ref;

    /// <inheritdoc />
    public ActorPath Path => _ref.Path;

    /// <summary>The sender of the last message this probe took from its queue (dead letters when it had none).</summary>
    /// <exception cref="InvalidOperationException">No message was received yet.</exception>
    public IActorRef LastSender => (_last ?? throw NothingReceived()).Sender;

    /// <summary>The same as <see cref="LastSender"/>: the sender of the last message received.</summary>
    /// <exception cref="InvalidOperationException">No message was received yet.</exception>
    public IActorRef Sender => LastSender;

    /// <summary>The last message this probe took from its queue.</summary>
    /// <exception cref="InvalidOperationException">No message was received yet.</exception>
    public object LastMessage => (_last ?? throw NothingReceived()).Message;

    /// <summary>Sends a message to the probe (it is recorded like any other).</summary>
    /// <param name="message">The message.</param>
    /// <param name="sender">The sender the probe will report; null for none.</param>
    public void Tell(object message, IActorRef? sender) => _ref.Tell(message, sender);

    /// <summary>Sends <paramref name="message"/> to <paramref name="target"/> with this probe as the sender, so replies come back here.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public void Send(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, this);
    }

    /// <summary>Sends <paramref name="message"/> to the sender of the last received message, with this probe as the sender.</summary>
    /// <exception cref="InvalidOperationException">No message was received yet.</exception>
    public void Reply(object message) => LastSender.Tell(message, this);

    /// <summary>Passes the last received message on to <paramref name="target"/>, keeping its original sender.</summary>
    /// <exception cref="InvalidOperationException">No message was received yet.</exception>
    public void Forward(IActorRef target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var last = _last ?? throw NothingReceived();
        target.Tell(last.Message, last.Sender);
    }

    /// <summary>Sends <paramref name="message"/> to <paramref name="target"/> as if it came from the sender of the last received message.</summary>
    /// <exception cref="InvalidOperationException">No message was received yet.</exception>
    public void Forward(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, LastSender);
    }

    /// <summary>
    /// Makes the probe watch <paramref name="actor"/>: exactly one <see cref="Terminated"/> will be queued when
    /// it stops (at once if it is already dead). Returns when the watch is in place.
    /// </summary>
    public IActorRef Watch(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Sync.Run(ChangeWatchAsync(actor, watch: true));
        return actor;
    }

    /// <summary>Stops watching <paramref name="actor"/>; a Terminated not yet queued will not arrive. Returns when done.</summary>
    public IActorRef Unwatch(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Sync.Run(ChangeWatchAsync(actor, watch: false));
        return actor;
    }

    /// <summary>The asynchronous form of <see cref="Watch"/>.</summary>
    public async Task<IActorRef> WatchAsync(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await ChangeWatchAsync(actor, watch: true).ConfigureAwait(false);
        return actor;
    }

    private async Task ChangeWatchAsync(IActorRef actor, bool watch)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ref.Tell(new WatchCommand(actor, watch, done), null);
        var limit = _context.Settings.DefaultTimeout;
        try
        {
            await done.Task.WaitAsync(limit).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TestKitAssertionException($"probe {Path} could not {(watch ? "watch" : "unwatch")} {actor} within {TestKitContext.Ms(limit)} (is the probe or the system stopped?)");
        }
    }

    /// <inheritdoc />
    public bool Equals(IActorRef? other) => other is not null && _ref.Equals(other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _ref.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => $"TestProbe{_ref}";

    private InvalidOperationException NothingReceived() => new($"probe {Path} has not received any message yet");

    // The kernel's view of the probe: it is the actor behind it, so system messages (watch, stop) go there.
    IInternalActorRef IInternalActorRef.Parent => _ref.Parent;
    bool IInternalActorRef.IsTerminated => _ref.IsTerminated;
    void IInternalActorRef.SendSystemMessage(SystemMessage message) => _ref.SendSystemMessage(message);
    void IInternalActorRef.Stop() => _ref.Stop();
    ActorSystem IActorRefWithSystem.System => _context.System;
}
