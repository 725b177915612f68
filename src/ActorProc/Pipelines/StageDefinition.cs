namespace ActorProc.Pipelines;

/// <summary>One stage as built: its name, options and function (typed values boxed as objects). Immutable.</summary>
internal sealed record StageDefinition(
    string Name,
    StageOptions Options,
    Func<object?, object?>? Sync,
    Func<object?, CancellationToken, Task<object?>>? Async);
