namespace ActorProc.TestKit.Internal;

/// <summary>
/// The actor behind <see cref="Faults"/>. Per message, <c>throwFor</c> may return an exception to throw
/// (synchronously, like a buggy handler) and <c>hangFor</c> a task to await first (an async handler, so the
/// actor holds its mailbox without blocking a thread); every message that survives is echoed to its sender.
/// </summary>
internal sealed class FaultyActor : ReceiveActor
{
    private readonly Exception? _startFailure;

    public FaultyActor(Func<object, Exception?>? throwFor = null, Func<object, Task?>? hangFor = null, Exception? startFailure = null)
    {
        _startFailure = startFailure;
        if (hangFor is not null)
        {
            ReceiveAsync<object>(async message =>
            {
                if (hangFor(message) is { } hang) await hang;
                Echo(message);
            });
        }
        ReceiveAny(message =>
        {
            if (throwFor?.Invoke(message) is { } failure) throw failure;
            Echo(message);
        });
    }

    protected override void PreStart()
    {
        if (_startFailure is not null) throw _startFailure;
    }

    private void Echo(object message)
    {
        // Messages sent without a sender would only produce dead-letter noise.
        if (!Sender.Equals(Context.System.DeadLetters)) Sender.Tell(message, Self);
    }
}
