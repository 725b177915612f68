namespace ActorProc.Tasks;

/// <summary>
/// The stable identity of a task: its job's id and its position in the job's inputs. The same input
/// of the same job always has the same id, whichever worker (or, later, whichever node) runs it,
/// so results can be recorded once per id.
/// </summary>
/// <param name="JobId">The job's id (<see cref="JobOptions.JobId"/>, or generated).</param>
/// <param name="Index">0-based position of the input in the job's source.</param>
public readonly record struct TaskId(string JobId, long Index)
{
    /// <summary>The id as text: <c>"{JobId}#{Index}"</c>.</summary>
    public override string ToString() => $"{JobId}#{Index}";
}
