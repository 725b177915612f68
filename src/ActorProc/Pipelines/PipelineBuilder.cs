using ActorProc.Internal;

namespace ActorProc.Pipelines;

/// <summary>Adds stages to a pipeline; immutable (each <c>Then</c> returns a new builder).</summary>
/// <typeparam name="TIn">Input type of the pipeline.</typeparam>
/// <typeparam name="TOut">Output type of the stages so far.</typeparam>
public sealed class PipelineBuilder<TIn, TOut>
{
    private readonly IReadOnlyList<StageDefinition> _stages;

    internal PipelineBuilder(IReadOnlyList<StageDefinition> stages) => _stages = stages;

    /// <summary>Adds a stage running the synchronous <paramref name="function"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or used already, or <paramref name="function"/> returns a Task (use the async overload).</exception>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    public PipelineBuilder<TIn, TNext> Then<TNext>(string name, Func<TOut, TNext> function, StageOptions? options = null)
    {
        WorkerPool.CheckSyncDelegate<TNext>(function, nameof(function));
        return Add<TNext>(name, new StageDefinition(name, options ?? StageOptions.Default, o => function((TOut)o!), null));
    }

    /// <summary>Adds a stage running the asynchronous <paramref name="function"/>, up to <see cref="StageOptions.Parallelism"/> items at once.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or used already.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    public PipelineBuilder<TIn, TNext> Then<TNext>(string name, Func<TOut, CancellationToken, Task<TNext>> function, StageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Add<TNext>(name, new StageDefinition(name, options ?? StageOptions.Default, null, async (o, ct) => await function((TOut)o!, ct).ConfigureAwait(false)));
    }

    /// <summary>The pipeline with the stages added so far.</summary>
    /// <exception cref="InvalidOperationException">No stage was added.</exception>
    public Pipeline<TIn, TOut> Build() => _stages.Count > 0
        ? new Pipeline<TIn, TOut>(_stages)
        : throw new InvalidOperationException("A pipeline needs at least one stage: add one with Then(...).");

    private PipelineBuilder<TIn, TNext> Add<TNext>(string name, StageDefinition stage)
    {
        Check.NotBlank(name, nameof(name));
        if (_stages.Any(s => s.Name == name)) throw new ArgumentException($"A stage named '{name}' exists already.", nameof(name));
        return new PipelineBuilder<TIn, TNext>([.. _stages, stage]);
    }
}
