namespace ActorProc.Core.Actors;

/// <summary>
/// An actor with a single <see cref="OnReceive"/> method that sees every message; call
/// <see cref="ActorBase.Unhandled"/> for messages it does not understand.
/// </summary>
public abstract class UntypedActor : ActorBase
{
    /// <summary>Processes one message.</summary>
    protected abstract void OnReceive(object message);

    /// <inheritdoc />
    protected internal sealed override bool Receive(object message)
    {
        OnReceive(message);
        return true;
    }
}
