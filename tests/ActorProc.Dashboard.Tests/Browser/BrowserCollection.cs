namespace ActorProc.Dashboard.Tests.Browser;

/// <summary>The specs that start node processes and a browser: one at a time, since each loads both cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "dashboard in a browser";
}
