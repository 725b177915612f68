using System.Text;

namespace ActorProc.Isolation;

/// <summary>
/// The actor of a worker process: registers with the pool's process set, then runs the tasks of each
/// <see cref="RunTasks"/> batch in order and answers with <see cref="TaskReplies"/>: all of a batch's
/// replies in one message after its last task, or sooner, before the next task, once the oldest unsent
/// reply is <see cref="FlushAfter"/> old (one remote message per batch instead of per task is what lets
/// short tasks run near in-process speed). The pool sends batches of several tasks only when its tasks
/// are short, and it knows which of a batch's tasks are unanswered if this process dies. Runs on a
/// pinned dispatcher: a task blocks only this actor's own thread, never the threads that carry
/// remoting. Only batches from the process set it registered with, carrying the secret, are run.
/// </summary>
internal sealed class ChildWorker : ReceiveActor, IWithTimers
{
    private readonly TaskRegistry _tasks;
    private readonly ActorPath _parentPath;
    private readonly string _secret;
    private readonly TaskCompletionSource<int> _ended;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private IActorRef? _parent;

    public ChildWorker(TaskRegistry tasks, ActorPath parentPath, string secret, TaskCompletionSource<int> ended)
    {
        _tasks = tasks;
        _parentPath = parentPath;
        _secret = secret;
        _ended = ended;
        Receive<WorkerAccepted>(_ => Accepted());
        Receive<RegistrationTimedOut>(_ => GiveUp("the pool did not accept this worker in time"));
        ReceiveAsync<RunTasks>(RunBatchAsync, batch => Sender.Equals(_parent) && SecretMatches(batch.Secret));
        Receive<RunTasks>(_ => _log.Warning("Refused a task batch from {0}: not the pool this worker registered with, or a wrong secret.", Sender.Path));
        Receive<Terminated>(t =>
        {
            if (t.ActorRef.Equals(_parent)) _ended.TrySetResult(WorkerProcess.ParentGone);
        });
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    private sealed class RegistrationTimedOut
    {
        public static readonly RegistrationTimedOut Instance = new();
    }

    protected override void PreStart()
    {
        Context.ActorSelection(_parentPath).Tell(new RegisterWorker(_secret, Environment.ProcessId), Self);
        Timers.StartSingleTimer("registration", RegistrationTimedOut.Instance, TimeSpan.FromSeconds(60));
    }

    protected override void PostStop()
    {
        _stopping.Cancel();
        _ended.TrySetResult(WorkerProcess.ParentGone);
    }

    private void Accepted()
    {
        if (_parent is not null) return;
        Timers.Cancel("registration");
        _parent = Sender;
        Context.Watch(_parent); // the pool's process set stopped, or the connection to it is lost: this worker's job is over
    }

    private void GiveUp(string why)
    {
        if (_parent is not null) return;
        Console.Error.WriteLine($"actorproc worker {Environment.ProcessId}: {why}; exiting.");
        _ended.TrySetResult(WorkerProcess.NotStartedByAPool);
    }

    /// <summary>How long a finished task's reply may wait for the rest of its batch before it is sent anyway.</summary>
    private static readonly TimeSpan FlushAfter = TimeSpan.FromMilliseconds(5);

    private async Task RunBatchAsync(RunTasks batch)
    {
        var parent = Sender;
        var unsent = new List<TaskReply>(batch.Tasks.Count);
        var oldestUnsent = 0L;
        foreach (var request in batch.Tasks)
        {
            if (unsent.Count > 0 && Stopwatch.GetElapsedTime(oldestUnsent) >= FlushAfter) Flush();
            var reply = await RunOneAsync(request).ConfigureAwait(true);
            if (unsent.Count == 0) oldestUnsent = Stopwatch.GetTimestamp();
            unsent.Add(reply);
        }
        if (unsent.Count > 0) Flush();

        void Flush()
        {
            parent.Tell(new TaskReplies(unsent.ToArray()), Self);
            unsent.Clear();
        }
    }

    private async Task<TaskReply> RunOneAsync(TaskRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var task = _tasks.Get(request.TaskName);
            var output = await task.RunAsync(task.ParseInput(request.Input), _stopping.Token).ConfigureAwait(true);
            return new TaskReply(request.Id, task.FormatOutput(output), null, null, MicrosecondsSince(started));
        }
        catch (Exception e)
        {
            return new TaskReply(request.Id, null, e.GetType().FullName ?? e.GetType().Name, MessageOf(e), MicrosecondsSince(started));
        }
    }

    private static long MicrosecondsSince(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds;

    /// <summary>The message, with an inner I/O exception's own text (the operating system's reason) when the outer one lacks it.</summary>
    private static string MessageOf(Exception e)
    {
        if (e is System.Reflection.TargetInvocationException { InnerException: { } inner }) e = inner;
        var message = e.Message;
        if (e.InnerException is IOException { Message: { Length: > 0 } os } && !message.Contains(os, StringComparison.Ordinal)) message = $"{message} ({os})";
        return message;
    }

    private bool SecretMatches(string secret) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(_secret));
}
