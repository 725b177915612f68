namespace ActorProc.Core.Actors;

/// <summary>
/// Where and how an actor is deployed. Local deployment is the default; ActorProc.Remote adds a
/// scope that creates the actor on another node.
/// </summary>
/// <param name="Scope">The deployment scope.</param>
public sealed record Deploy(Scope Scope)
{
    /// <summary>Deploy in this actor system.</summary>
    public static readonly Deploy Local = new(LocalScope.Instance);
}

/// <summary>Base of deployment scopes.</summary>
public abstract record Scope;

/// <summary>The actor is created in the local actor system.</summary>
public sealed record LocalScope : Scope
{
    /// <summary>The single instance.</summary>
    public static readonly LocalScope Instance = new();
}
