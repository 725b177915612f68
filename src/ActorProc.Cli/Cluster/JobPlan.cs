using ActorProc.Cli.Output;

namespace ActorProc.Cli.Cluster;

/// <summary>
/// A job as <c>actorproc submit</c> planned it: the task, one text input per task (see
/// <see cref="ClusterInputs"/>), how each task is named in results and reports (as <c>run</c> names
/// it), and what was found wrong before submitting (unreadable files, unlisted directories).
/// <c>actorproc job</c> prints a job without a plan (results then name tasks by index).
/// </summary>
/// <param name="Task">The task's name.</param>
/// <param name="Inputs">The task inputs sent to the cluster.</param>
/// <param name="Names">The name of task <c>i</c> in results and reports (e.g. a path, "[1, 10000]", or the index).</param>
/// <param name="LocalErrors">Inputs that failed before submitting, in the order <c>run</c> reports them first.</param>
internal sealed record JobPlan(string Task, IReadOnlyList<string> Inputs, Func<int, string> Names, IReadOnlyList<InputError> LocalErrors)
{
    /// <summary>What one input is in the summary ("tasks", "ranges", "files").</summary>
    public string Unit { get; init; } = "tasks";

    /// <summary>ipcount/wordcount: the files, and the file of each task; otherwise null.</summary>
    public CountedFiles? Files { get; init; }

    /// <summary>Keep only the N most frequent keys (ipcount/wordcount <c>--top</c>).</summary>
    public int? Top { get; init; }
}

/// <summary>The files of an ipcount/wordcount plan.</summary>
/// <param name="Paths">The files as given, in input order.</param>
/// <param name="FileOf">The file index of each task (byte range).</param>
/// <param name="Unreadable">Files that could not even be measured, by file index.</param>
/// <param name="Bytes">Bytes of the readable files.</param>
internal sealed record CountedFiles(IReadOnlyList<string> Paths, IReadOnlyList<int> FileOf, IReadOnlyDictionary<int, InputError> Unreadable, long Bytes);
