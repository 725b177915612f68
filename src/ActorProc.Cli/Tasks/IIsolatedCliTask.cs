namespace ActorProc.Cli.Tasks;

/// <summary>
/// A task of <c>actorproc run</c> that can run in worker processes (<c>--isolate processes[=N]</c>): its work is a
/// named task that <c>actorproc worker</c> registers too (see <see cref="Commands.WorkerCommand"/>).
/// </summary>
internal interface IIsolatedCliTask
{
    /// <summary>What <c>actorproc worker</c> needs after its name to know this task (e.g. <c>--assembly PATH</c>).</summary>
    IReadOnlyList<string> WorkerArguments { get; }
}
