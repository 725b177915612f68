namespace ActorProc.Tasks;

/// <summary>A synchronous named task (see <see cref="ActorTaskAttribute"/>); it runs on the pool's CPU workers.</summary>
/// <typeparam name="TIn">Input type (serializable with System.Text.Json, or parsable from text).</typeparam>
/// <typeparam name="TOut">Output type (serializable with System.Text.Json).</typeparam>
public interface IActorTask<in TIn, out TOut>
{
    /// <summary>Runs the task on one input. Exceptions are captured as the task's failure.</summary>
    /// <param name="input">The input.</param>
    /// <param name="cancellationToken">Cancelled when the job is cancelled; check it in long loops.</param>
    TOut Run(TIn input, CancellationToken cancellationToken);
}

/// <summary>An asynchronous named task (see <see cref="ActorTaskAttribute"/>), for I/O-bound work.</summary>
/// <typeparam name="TIn">Input type (serializable with System.Text.Json, or parsable from text).</typeparam>
/// <typeparam name="TOut">Output type (serializable with System.Text.Json).</typeparam>
public interface IAsyncActorTask<in TIn, TOut>
{
    /// <summary>Runs the task on one input. Exceptions are captured as the task's failure.</summary>
    /// <param name="input">The input.</param>
    /// <param name="cancellationToken">Cancelled when the task times out or the job is cancelled.</param>
    Task<TOut> RunAsync(TIn input, CancellationToken cancellationToken);
}

/// <summary>
/// Implemented by a task class that parses its own input from text (the CLI passes inputs as text),
/// instead of the defaults (text as is, <see cref="IParsable{TSelf}"/>, or JSON).
/// </summary>
/// <typeparam name="TIn">The task's input type.</typeparam>
public interface ITaskInputParser<out TIn>
{
    /// <summary>Parses one input; throws when the text is not a valid input (that task is then reported failed).</summary>
    TIn Parse(string text);
}
