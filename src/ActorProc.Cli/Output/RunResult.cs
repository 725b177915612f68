namespace ActorProc.Cli.Output;

/// <summary>
/// What a run of one task produced, independent of how it is printed: counts, results, errors, and
/// the inputs that succeeded (for <c>--report-dir</c>). Every input of the run is in exactly one of
/// <see cref="SucceededInputs"/> and <see cref="Errors"/>.
/// </summary>
internal sealed record RunResult
{
    /// <summary>The task's name ("hash", "ipcount", a plugin's name).</summary>
    public required string Task { get; init; }

    /// <summary>How the job ended.</summary>
    public required JobOutcome Outcome { get; init; }

    /// <summary>Inputs that succeeded (files for hash/ipcount/wordcount, chunks or tasks otherwise).</summary>
    public required long Succeeded { get; init; }

    /// <summary>Inputs that did not: failed, timed out or cancelled.</summary>
    public required long Failed { get; init; }

    /// <summary>Retries made.</summary>
    public required long Retried { get; init; }

    /// <summary>Wall-clock time of the run (planning, job and merging).</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>The results, in the order they are printed.</summary>
    public required IReadOnlyList<ResultItem> Results { get; init; }

    /// <summary>One entry per input that did not succeed, in input order.</summary>
    public required IReadOnlyList<InputError> Errors { get; init; }

    /// <summary>The inputs that succeeded, in input order.</summary>
    public required IReadOnlyList<string> SucceededInputs { get; init; }

    /// <summary>What one input is ("files", "chunks", "tasks"), for the summary.</summary>
    public required string InputUnit { get; init; }

    /// <summary>Bytes read, when the task reads files (for MB/s in the summary), else null.</summary>
    public long? Bytes { get; init; }

    /// <summary>Lines and skipped lines of the counting tasks (ipcount, wordcount), else null.</summary>
    public LineTotals? Lines { get; init; }

    /// <summary>Distinct keys before <c>--top</c> was applied (counting tasks), else null.</summary>
    public long? DistinctKeys { get; init; }

    /// <summary>Most result rows the terminal view shows (null: all); pipes and <c>--json</c> always get every row.</summary>
    public int? TerminalLimit { get; init; }

    /// <summary>
    /// The fields every task fills the same way from its job report; a task adds its own extras
    /// (bytes, lines, distinct keys) with <c>with { ... }</c>.
    /// </summary>
    public static RunResult From(
        string task, JobReport report, long started, IReadOnlyList<ResultItem> results,
        IReadOnlyList<InputError> errors, IReadOnlyList<string> succeeded, string inputUnit) =>
        From(task, report.Outcome, report.Retries, started, results, errors, succeeded, inputUnit);

    /// <summary>The same, for a job streamed without a report: its outcome and retries as counted by the task.</summary>
    public static RunResult From(
        string task, JobOutcome outcome, long retries, long started, IReadOnlyList<ResultItem> results,
        IReadOnlyList<InputError> errors, IReadOnlyList<string> succeeded, string inputUnit) => new()
    {
        Task = task,
        Outcome = outcome,
        Succeeded = succeeded.Count,
        Failed = errors.Count,
        Retried = retries,
        Elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started),
        Results = results,
        Errors = errors,
        SucceededInputs = succeeded,
        InputUnit = inputUnit,
    };
}

/// <summary>An input that did not succeed: the input as text, the error message, and the attempts made.</summary>
/// <param name="Input">The input (a path, a chunk, a task).</param>
/// <param name="Error">The error message (for I/O errors, the operating system's).</param>
/// <param name="Attempts">How many times it was started (0 when it never started).</param>
internal sealed record InputError(string Input, string Error, int Attempts);

/// <summary>Line statistics of a counting task.</summary>
/// <param name="Lines">Non-blank lines read.</param>
/// <param name="Skipped">Non-blank lines that had no key (no field / no word).</param>
internal sealed record LineTotals(long Lines, long Skipped);
