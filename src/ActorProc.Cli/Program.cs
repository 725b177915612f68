using ActorProc.Cli.Commands;
using ActorProc.Cli.Output;

namespace ActorProc.Cli;

/// <summary>Process entry point of the <c>actorproc</c> command.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        // Only results may reach stdout (--json promises exactly one document there), so everything
        // else that writes to Console.Out (the kernel's console log sink writes INFO there) goes to
        // stderr; the real stdout is kept for the results.
        var console = CliConsole.FromProcess();
        Console.SetOut(Console.Error);
        try
        {
            return await CliApplication.RunAsync(args, console).ConfigureAwait(false);
        }
        finally
        {
            await console.Out.FlushAsync().ConfigureAwait(false);
        }
    }
}
