using ActorProc.Internal;

namespace ActorProc.Tasks;

/// <summary>
/// Marks a class as a named task that the <c>actorproc</c> CLI (and <see cref="TaskRegistry.Discover"/>)
/// can find in a plugin assembly. The class must be public, have a public parameterless constructor
/// and implement <see cref="IActorTask{TIn,TOut}"/> or <see cref="IAsyncActorTask{TIn,TOut}"/>; a new
/// instance runs each task. Inputs and outputs must be serializable with System.Text.Json (inputs
/// given as text are parsed: see <see cref="TaskRegistry"/>), so the same task can later run on other
/// machines of a cluster.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ActorTaskAttribute : Attribute
{
    /// <summary>Marks the class as the task named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public ActorTaskAttribute(string name) => Name = Check.NotBlank(name, nameof(name));

    /// <summary>The task's name, unique within a registry (e.g. <c>"resize-image"</c>).</summary>
    public string Name { get; }

    /// <summary>A one-line description shown by the CLI.</summary>
    public string? Description { get; init; }
}
