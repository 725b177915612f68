using ActorProc.Cli.Output;

namespace ActorProc.Cli.Tasks;

/// <summary>
/// One task of <c>actorproc run</c>, built from its parsed arguments. <see cref="Validate"/> runs
/// before the actor system starts (so input errors cost nothing and exit 2); <see cref="RunAsync"/>
/// does the work through the processing API and returns what to print.
/// </summary>
internal interface ICliTask
{
    /// <summary>The task's name, as typed after <c>run</c>.</summary>
    string Name { get; }

    /// <summary>Checks the inputs (paths exist, values in range).</summary>
    /// <exception cref="UsageException">An input is unusable.</exception>
    void Validate();

    /// <summary>Runs the job and collects its results.</summary>
    Task<RunResult> RunAsync(RunContext context);
}
