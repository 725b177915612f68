using ActorProc.Configuration;
using ActorProc.Internal;

namespace ActorProc.Pipelines;

/// <summary>Settings of one pipeline stage; invalid values throw <see cref="ArgumentException"/> naming the setting.</summary>
public sealed record StageOptions
{
    private readonly int _parallelism = 1;
    private readonly int _bufferSize = 16;
    private readonly string _dispatcher = PoolDispatchers.Default;

    /// <summary>The defaults: one item at a time, a buffer of 16, workers on the default dispatcher.</summary>
    public static StageOptions Default { get; } = new();

    /// <summary>Items the stage works on at once, ≥ 1 (for a synchronous function: worker actors; for an async one: tasks awaiting). Default: 1.</summary>
    public int Parallelism { get => _parallelism; init => _parallelism = Check.AtLeast(value, 1, nameof(Parallelism)); }

    /// <summary>
    /// Items the stage may hold besides those it works on (waiting to start, or finished and waiting for
    /// the next stage to take them), ≥ 1. A stage never asks its upstream for more than
    /// <c>BufferSize + Parallelism</c> items in total, which is how a slow stage slows the ones before it.
    /// Default: 16.
    /// </summary>
    public int BufferSize { get => _bufferSize; init => _bufferSize = Check.AtLeast(value, 1, nameof(BufferSize)); }

    /// <summary>Dispatcher of the stage's workers (synchronous functions). Default: <see cref="PoolDispatchers.Default"/>; use the CPU dispatcher for CPU-heavy stages.</summary>
    public string Dispatcher { get => _dispatcher; init => _dispatcher = Check.NotBlank(value, nameof(Dispatcher)); }
}
