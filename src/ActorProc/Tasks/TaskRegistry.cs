using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using ActorProc.Internal;

namespace ActorProc.Tasks;

/// <summary>
/// Named tasks, so that a job can be described by a task name and text inputs (the CLI's
/// <c>actorproc run &lt;task&gt;</c>, and later jobs submitted to a cluster). Register delegates, or
/// classes marked with <see cref="ActorTaskAttribute"/>, one by one or all at once from a plugin
/// assembly with <see cref="Discover"/>. Inputs and outputs of named tasks must be serializable with
/// System.Text.Json. Thread-safe.
/// </summary>
public sealed class TaskRegistry
{
    private readonly ConcurrentDictionary<string, RegisteredTask> _tasks = new(StringComparer.Ordinal);

    /// <summary>The registered tasks, by name.</summary>
    public IReadOnlyList<RegisteredTask> Tasks => _tasks.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();

    /// <summary>A registry holding every public <see cref="ActorTaskAttribute"/> class of <paramref name="assembly"/>.</summary>
    /// <exception cref="ArgumentException">A marked class is not a valid task, or two have the same name.</exception>
    public static TaskRegistry Discover(Assembly assembly)
    {
        var registry = new TaskRegistry();
        registry.DiscoverFrom(assembly);
        return registry;
    }

    /// <summary>Registers every public <see cref="ActorTaskAttribute"/> class of <paramref name="assembly"/>; returns how many.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="assembly"/> is null.</exception>
    /// <exception cref="ArgumentException">A marked class is not a valid task, or a name is taken.</exception>
    public int DiscoverFrom(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        Type?[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = e.Types; // the loadable ones; a plugin with a missing dependency still offers the rest
        }
        // Public classes only: a plugin's tasks are its public surface (and a private helper class cannot be loaded by name anyway).
        var found = types.Where(t => t is { IsVisible: true } && t.GetCustomAttribute<ActorTaskAttribute>() is not null).ToArray();
        foreach (var type in found) Register(type!);
        return found.Length;
    }

    /// <summary>Registers a synchronous delegate as the task <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or taken.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="work"/> is null.</exception>
    public RegisteredTask Register<TIn, TOut>(string name, Func<TIn, TOut> work, string? description = null)
    {
        WorkerPool.CheckSyncDelegate<TOut>(work, nameof(work));
        return Add(new RegisteredTask(Check.NotBlank(name, nameof(name)), description, typeof(TIn), typeof(TOut), null,
            (input, _) => work((TIn)input!), null));
    }

    /// <summary>Registers an asynchronous delegate as the task <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or taken.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="work"/> is null.</exception>
    public RegisteredTask Register<TIn, TOut>(string name, Func<TIn, CancellationToken, Task<TOut>> work, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        return Add(new RegisteredTask(Check.NotBlank(name, nameof(name)), description, typeof(TIn), typeof(TOut), null,
            null, async (input, ct) => await work((TIn)input!, ct).ConfigureAwait(false)));
    }

    /// <summary>Registers a class marked with <see cref="ActorTaskAttribute"/> under the attribute's name.</summary>
    /// <exception cref="ArgumentException">The class has no attribute, no public parameterless constructor, or implements neither (or both) of the task interfaces; or the name is taken.</exception>
    public RegisteredTask Register(Type taskType)
    {
        ArgumentNullException.ThrowIfNull(taskType);
        return Add(ActorTaskTypes.Describe(taskType));
    }

    /// <summary>The task named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such task; the message lists the known names.</exception>
    public RegisteredTask Get(string name) => TryGet(name, out var task)
        ? task
        : throw new KeyNotFoundException($"No task named '{name}'. Known tasks: {(_tasks.IsEmpty ? "(none)" : string.Join(", ", _tasks.Keys.Order(StringComparer.Ordinal)))}.");

    /// <summary>Looks up a task by name.</summary>
    public bool TryGet(string name, [MaybeNullWhen(false)] out RegisteredTask task) => _tasks.TryGetValue(name, out task);

    private RegisteredTask Add(RegisteredTask task) => _tasks.TryAdd(task.Name, task)
        ? task
        : throw new ArgumentException($"A task named '{task.Name}' is registered already ({_tasks[task.Name]}).", "name");
}
