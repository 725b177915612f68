namespace ActorProc.Core.Dispatch;

/// <summary>One dispatcher's settings, read from its config block (missing keys fall back to <c>actorproc.actor.dispatcher-defaults</c>).</summary>
internal sealed record DispatcherSettings(string Type, int Throughput, TimeSpan ThroughputDeadline, int ThreadCount)
{
    private const string DefaultsPath = "actorproc.actor.dispatcher-defaults";

    public static DispatcherSettings Read(Config root, string id)
    {
        var block = root.GetConfig(id).WithFallback(root.GetConfig(DefaultsPath));
        var type = block.GetString("type");
        var throughput = block.GetInt("throughput");
        if (throughput < 1) throw new ActorConfigurationException($"{id}.throughput: must be at least 1 (got {throughput}).");
        var deadline = block.GetTimeSpan("throughput-deadline");
        var threads = type == "dedicated-threads"
            ? ComputeThreadCount(Environment.ProcessorCount, block.GetInt("parallelism-min"), block.GetDouble("parallelism-factor"), block.GetInt("parallelism-max"), id)
            : 0;
        return new DispatcherSettings(type, throughput, deadline, threads);
    }

    /// <summary>
    /// Threads of a dedicated dispatcher: <c>clamp(ceil(cores × factor), min, max)</c>.
    /// </summary>
    /// <exception cref="ActorConfigurationException">min &lt; 1, max &lt; min, or factor ≤ 0.</exception>
    public static int ComputeThreadCount(int cores, int min, double factor, int max, string id = "dispatcher")
    {
        if (min < 1) throw new ActorConfigurationException($"{id}.parallelism-min: must be at least 1 (got {min}).");
        if (max < min) throw new ActorConfigurationException($"{id}.parallelism-max: must be at least parallelism-min ({min}), got {max}.");
        if (!(factor > 0)) throw new ActorConfigurationException($"{id}.parallelism-factor: must be positive (got {factor}).");
        return Math.Clamp((int)Math.Ceiling(cores * factor), min, max);
    }
}
