namespace ActorProc.Bench.Scenarios;

/// <summary>Tells a driver actor to begin its workload (sent once per round, after every actor exists).</summary>
internal sealed class Start
{
    /// <summary>The shared instance.</summary>
    public static readonly Start Instance = new();

    private Start()
    {
    }
}
