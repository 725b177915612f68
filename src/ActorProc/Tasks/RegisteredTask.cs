namespace ActorProc.Tasks;

/// <summary>
/// A task registered by name in a <see cref="TaskRegistry"/>: what it takes and returns, how to parse
/// its input from text and format its output (JSON), and how to run it on a <see cref="WorkerPool"/>.
/// Immutable and thread-safe.
/// </summary>
public sealed class RegisteredTask
{
    private readonly Func<object?, CancellationToken, object?>? _run;
    private readonly Func<object?, CancellationToken, Task<object?>>? _runAsync;
    private readonly Func<string, object?> _parse;

    internal RegisteredTask(string name, string? description, Type inputType, Type outputType, Type? implementation,
        Func<object?, CancellationToken, object?>? run, Func<object?, CancellationToken, Task<object?>>? runAsync)
    {
        Name = name;
        Description = description;
        InputType = inputType;
        OutputType = outputType;
        Implementation = implementation;
        _run = run;
        _runAsync = runAsync;
        _parse = TaskInputParsers.For(inputType, implementation);
    }

    /// <summary>The task's name.</summary>
    public string Name { get; }

    /// <summary>Its one-line description, if any.</summary>
    public string? Description { get; }

    /// <summary>The input type.</summary>
    public Type InputType { get; }

    /// <summary>The output type.</summary>
    public Type OutputType { get; }

    /// <summary>The class implementing the task (discovered or registered by type), or null for a delegate.</summary>
    public Type? Implementation { get; }

    /// <summary>True when the task is asynchronous (runs with the pool's async workers).</summary>
    public bool IsAsync => _runAsync is not null;

    /// <summary>Parses one input from text (the text itself for strings, <see cref="IParsable{TSelf}"/>, the task's <see cref="ITaskInputParser{TIn}"/>, or JSON).</summary>
    /// <exception cref="Exception">The text is not a valid input (the parser's own exception, e.g. <see cref="FormatException"/> or <see cref="System.Text.Json.JsonException"/>).</exception>
    public object? ParseInput(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _parse(text);
    }

    /// <summary>Formats an output as JSON.</summary>
    public string FormatOutput(object? value) => TaskInputParsers.Format(value, OutputType);

    /// <summary>Runs the task once, here and now (for tests and tools; use <see cref="CreateJob"/> to run many on a pool).</summary>
    /// <exception cref="Exception">Whatever the task throws.</exception>
    public async Task<object?> RunAsync(object? input, CancellationToken cancellationToken = default) =>
        _runAsync is not null ? await _runAsync(input, cancellationToken).ConfigureAwait(false) : _run!(input, cancellationToken);

    /// <summary>
    /// A job on <paramref name="pool"/> running this task on every text input: each input is parsed,
    /// the task runs (a parse error fails only that task), and the output is formatted as JSON. The job
    /// id comes from <paramref name="options"/> or is generated; task ids are <c>"{jobId}#{index}"</c>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="pool"/> or <paramref name="inputs"/> is null.</exception>
    public Job<string, string> CreateJob(WorkerPool pool, IEnumerable<string> inputs, JobOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(inputs);
        // An isolated pool runs the task in its worker processes, which know it by name.
        if (pool.IsolatedRunner is { } isolated) return pool.CreateJob(inputs, (text, ct) => isolated.RunAsync(Name, text, ct), options);
        if (_runAsync is { } runAsync)
            return pool.CreateJob(inputs, async (text, ct) => FormatOutput(await runAsync(_parse(text), ct).ConfigureAwait(false)), options);
        var run = _run!;
        return new Job<string, string>(pool, inputs, null, null, null, options, (text, ct) => FormatOutput(run(_parse(text), ct)));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({InputType.Name} -> {OutputType.Name}{(IsAsync ? ", async" : "")})";
}
