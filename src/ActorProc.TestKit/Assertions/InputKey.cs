namespace ActorProc.TestKit.Assertions;

/// <summary>An input as a dictionary or set key, null included (dictionaries refuse null keys).</summary>
internal readonly record struct InputKey<TIn>(TIn Value);
