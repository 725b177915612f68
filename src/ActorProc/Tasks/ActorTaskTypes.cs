using System.Reflection;

namespace ActorProc.Tasks;

/// <summary>Turns a class marked with <see cref="ActorTaskAttribute"/> into a <see cref="RegisteredTask"/> with compiled (not reflective) runners.</summary>
internal static class ActorTaskTypes
{
    public static RegisteredTask Describe(Type type)
    {
        var attribute = type.GetCustomAttribute<ActorTaskAttribute>()
            ?? throw new ArgumentException($"{type.FullName} is not marked with [ActorTask(\"name\")].", "taskType");
        if (type.IsAbstract || type.IsGenericTypeDefinition || type.GetConstructor(Type.EmptyTypes) is null)
            throw new ArgumentException($"Task class {type.FullName} ('{attribute.Name}') must be a concrete, non-generic class with a public parameterless constructor.", "taskType");
        var sync = Implemented(type, typeof(IActorTask<,>));
        var async = Implemented(type, typeof(IAsyncActorTask<,>));
        if (sync.Length + async.Length != 1)
            throw new ArgumentException($"Task class {type.FullName} ('{attribute.Name}') must implement exactly one IActorTask<TIn, TOut> or IAsyncActorTask<TIn, TOut> (it implements {sync.Length + async.Length}).", "taskType");
        var args = (sync.Length == 1 ? sync[0] : async[0]).GetGenericArguments();
        var helper = typeof(ActorTaskTypes).GetMethod(sync.Length == 1 ? nameof(SyncRunner) : nameof(AsyncRunner), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type, args[0], args[1]);
        var runner = helper.Invoke(null, null);
        return new RegisteredTask(attribute.Name, attribute.Description, args[0], args[1], type,
            runner as Func<object?, CancellationToken, object?>, runner as Func<object?, CancellationToken, Task<object?>>);
    }

    private static Type[] Implemented(Type type, Type generic) =>
        type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == generic).ToArray();

    private static Func<object?, CancellationToken, object?> SyncRunner<TTask, TIn, TOut>() where TTask : IActorTask<TIn, TOut>, new() =>
        static (input, ct) => new TTask().Run((TIn)input!, ct);

    private static Func<object?, CancellationToken, Task<object?>> AsyncRunner<TTask, TIn, TOut>() where TTask : IAsyncActorTask<TIn, TOut>, new() =>
        static async (input, ct) => await new TTask().RunAsync((TIn)input!, ct).ConfigureAwait(false);
}
