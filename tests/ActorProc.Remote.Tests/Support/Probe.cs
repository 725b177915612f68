using System.Threading.Channels;
using ActorProc.Core.Actors;

namespace ActorProc.Remote.Tests.Support;

/// <summary>
/// A small probe for multi-system tests: an actor in the given system that records what it receives, with async
/// expectations. (The TestKit's probe is bound to its own test system; these tests need probes in several.)
/// </summary>
public sealed class Probe
{
    private readonly Channel<(object Message, IActorRef? Sender)> _received = Channel.CreateUnbounded<(object, IActorRef?)>();

    public Probe(ActorSystem system, string? name = null)
    {
        Ref = system.ActorOf(Props.Create(() => new ProbeActor(_received.Writer)), name ?? "probe-" + Guid.NewGuid().ToString("N")[..8]);
    }

    public IActorRef Ref { get; }

    public IActorRef? LastSender { get; private set; }

    public async Task<T> ExpectAsync<T>(TimeSpan? timeout = null)
    {
        var (message, sender) = await ReceiveAsync(timeout);
        LastSender = sender;
        return message is T typed ? typed : throw new Xunit.Sdk.XunitException($"Expected a {typeof(T).Name} but received {message.GetType().Name}: {message}");
    }

    public async Task<T> ExpectAsync<T>(T expected, TimeSpan? timeout = null)
    {
        var actual = await ExpectAsync<T>(timeout);
        Assert.Equal(expected, actual);
        return actual;
    }

    /// <summary>Skips messages until one of type <typeparamref name="T"/> matching <paramref name="predicate"/> arrives.</summary>
    public async Task<T> FishAsync<T>(Func<T, bool>? predicate = null, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var (message, sender) = await _received.Reader.ReadAsync(cts.Token);
            if (message is T typed && (predicate is null || predicate(typed)))
            {
                LastSender = sender;
                return typed;
            }
        }
    }

    /// <summary>Asserts that nothing arrives for <paramref name="duration"/> (a bounded negative check).</summary>
    public async Task ExpectNoMessageAsync(TimeSpan duration)
    {
        using var cts = new CancellationTokenSource(duration);
        try
        {
            var (message, _) = await _received.Reader.ReadAsync(cts.Token);
            throw new Xunit.Sdk.XunitException($"Expected no message but received {message}");
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<(object Message, IActorRef? Sender)> ReceiveAsync(TimeSpan? timeout)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            return await _received.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No message arrived at {Ref.Path} within {timeout ?? TimeSpan.FromSeconds(10)}");
        }
    }

    private sealed class ProbeActor(ChannelWriter<(object, IActorRef?)> writer) : ActorBase
    {
        protected internal override bool Receive(object message)
        {
            writer.TryWrite((message, Context.Sender));
            return true;
        }
    }
}
