using System.Diagnostics;
using ActorProc.Core.Actors;

namespace ActorProc.Remote.Tests.Support;

/// <summary>
/// A remoting node in a separate process (ActorProc.Remote.TestNode, built next to the tests), started with
/// <c>dotnet ActorProc.Remote.TestNode.dll</c>. It prints its address, then serves until its stdin closes.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private NodeProcess(Process process, Address address)
    {
        _process = process;
        Address = address;
    }

    public Address Address { get; }

    public int ProcessId => _process.Id;

    public static async Task<NodeProcess> StartAsync(string systemName, string secret, int port = 0)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ActorProc.Remote.TestNode.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add(systemName);
        info.ArgumentList.Add(secret);
        info.ArgumentList.Add(port.ToString());
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the test node");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException($"the test node exited with code {(process.HasExited ? process.ExitCode : -1)} before printing its address");
                if (line.StartsWith("ADDRESS ", StringComparison.Ordinal))
                    return new NodeProcess(process, ActorPath.Parse(line["ADDRESS ".Length..]).Address);
            }
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>SIGKILL: the node gets no chance to say goodbye.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
