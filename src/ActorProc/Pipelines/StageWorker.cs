namespace ActorProc.Pipelines;

/// <summary>Runs a synchronous stage function for its stage, one item at a time; failures are replied, not thrown.</summary>
internal sealed class StageWorker(Func<object?, object?> function) : UntypedActor
{
    protected override void OnReceive(object message)
    {
        if (message is not StageWork work)
        {
            Unhandled(message);
            return;
        }
        object? output = null;
        Exception? error = null;
        try
        {
            output = function(work.Value);
        }
        catch (Exception e)
        {
            error = e;
        }
        Sender.Tell(new StageWorkDone(work.Seq, work.SourceIndex, work.Value, output, error, Self), Self);
    }
}
