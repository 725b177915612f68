using System.Threading.Channels;

namespace ActorProc.Pipelines;

/// <summary>
/// Entry point for building pipelines: <c>Pipeline.Start&lt;string&gt;().Then("parse", Parse).Then("fetch",
/// FetchAsync, new StageOptions { Parallelism = 16 }).Build()</c>.
/// </summary>
public static class Pipeline
{
    /// <summary>An empty pipeline taking inputs of type <typeparamref name="TIn"/>; add stages with <c>Then</c>.</summary>
    public static PipelineBuilder<TIn, TIn> Start<TIn>() => new([]);
}

/// <summary>
/// A pipeline of stages connected by demand: each stage is an actor with its own parallelism and a
/// bounded buffer, and asks the stage before it only for as many items as it can hold, so a slow stage
/// slows the earlier ones (and the reading of the source) instead of letting items pile up. A failed item
/// leaves the pipeline as a <see cref="PipelineError"/>; the pipeline keeps running. Completion and
/// failure of the source travel through the stages in order. Immutable and reusable: each
/// <c>Run</c> creates a fresh set of actors in the given actor system.
/// </summary>
/// <typeparam name="TIn">Input type of the first stage.</typeparam>
/// <typeparam name="TOut">Output type of the last stage.</typeparam>
public sealed class Pipeline<TIn, TOut>
{
    private static int _runs;
    private readonly IReadOnlyList<StageDefinition> _stages;

    internal Pipeline(IReadOnlyList<StageDefinition> stages) => _stages = stages;

    /// <summary>The stage names, first to last.</summary>
    public IReadOnlyList<string> Stages => _stages.Select(s => s.Name).ToArray();

    /// <summary>Starts a run over <paramref name="source"/> in <paramref name="system"/>; read its <see cref="PipelineRun{TOut}.Results"/> to drive it.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="system"/> or <paramref name="source"/> is null.</exception>
    public PipelineRun<TOut> Run(ActorSystem system, IEnumerable<TIn> source, PipelineOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Start(system, source, null, options, cancellationToken);
    }

    /// <summary>Starts a run over an async <paramref name="source"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="system"/> or <paramref name="source"/> is null.</exception>
    public PipelineRun<TOut> Run(ActorSystem system, IAsyncEnumerable<TIn> source, PipelineOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Start(system, null, source, options, cancellationToken);
    }

    /// <summary>Runs the pipeline to the end, dropping the results (for pipelines whose last stage does the useful work), and returns the summary.</summary>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public async Task<PipelineSummary> RunAsync(ActorSystem system, IEnumerable<TIn> source, PipelineOptions? options = null, CancellationToken cancellationToken = default)
    {
        var run = Run(system, source, options, cancellationToken);
        await foreach (var _ in run.Results.ConfigureAwait(false)) { }
        return await run.Completion.ConfigureAwait(false);
    }

    private PipelineRun<TOut> Start(ActorSystem system, IEnumerable<TIn>? source, IAsyncEnumerable<TIn>? asyncSource, PipelineOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(system);
        options ??= PipelineOptions.Default;
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var results = Channel.CreateUnbounded<object?>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var errors = Channel.CreateUnbounded<PipelineError>(new UnboundedChannelOptions { SingleWriter = true });
        var completion = new TaskCompletionSource<PipelineSummary>(TaskCreationOptions.RunContinuationsAsynchronously);
        var counters = new PipelineCounters();
        var prefix = $"pipeline-{Interlocked.Increment(ref _runs)}";

        // Built from the end: each actor is created knowing where its output goes, then told its upstream.
        var sink = system.ActorOf(Props.Create(() => new SinkActor(results.Writer, errors.Writer, completion, counters, options.ResultBuffer)), prefix + "-sink");
        var actors = new List<IActorRef>();
        var downstream = sink;
        for (var i = _stages.Count - 1; i >= 0; i--)
        {
            var stage = _stages[i];
            var next = downstream;
            var actor = system.ActorOf(Props.Create(() => new StageActor(stage, options.Ordered, next, sink, cancellation.Token)), $"{prefix}-{i + 1}");
            if (next != sink) next.Tell(new ConnectUpstream(actor), null);
            actors.Add(actor);
            downstream = actor;
        }
        var first = downstream;
        var sourceActor = system.ActorOf(Props.Create(() => new SourceStage<TIn>(source, asyncSource, first, counters, cancellation.Token)), prefix + "-source");
        first.Tell(new ConnectUpstream(sourceActor), null);
        actors.Add(sourceActor);
        sink.Tell(new SinkActor.Wire(actors[0], actors), null);
        completion.Task.ContinueWith(static (_, c) => ((CancellationTokenSource)c!).Dispose(), cancellation, TaskScheduler.Default);
        return new PipelineRun<TOut>(results, errors, completion.Task, sink, cancellation);
    }
}
