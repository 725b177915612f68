using System.Runtime;
using System.Runtime.InteropServices;

namespace ActorProc.Bench.Harness;

/// <summary>The machine and runtime a report was measured on.</summary>
internal sealed record MachineInfo(int Cores, string Os, string Dotnet, string Arch, bool ServerGc, bool ConcurrentGc)
{
    /// <summary>Describes the current process.</summary>
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant(),
        GCSettings.IsServerGC,
        GCSettings.LatencyMode != GCLatencyMode.Batch);

    /// <summary>"workstation" or "server", plus "concurrent" when background GC is on.</summary>
    public string GcMode => (ServerGc ? "server" : "workstation") + (ConcurrentGc ? ", concurrent" : "");
}
