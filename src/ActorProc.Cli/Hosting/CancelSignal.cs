using System.Runtime.InteropServices;

namespace ActorProc.Cli.Hosting;

/// <summary>
/// Ctrl+C handling. The first Ctrl+C (or SIGTERM) cancels <see cref="Token"/>: the job stops
/// dispatching, running tasks notice between reads, and the report is still printed and written
/// (exit 130). A second Ctrl+C exits at once with 130. With <c>--quiet</c> nothing is printed.
/// </summary>
/// <remarks>
/// Concurrency contract: the handlers run on a runtime signal thread; <see cref="_presses"/> is only
/// changed with <see cref="Interlocked"/>, so exactly one press is "the first". The token source is
/// cancelled on the thread pool, not on the signal thread, because cancelling runs the job's
/// registrations synchronously.
/// </remarks>
internal sealed class CancelSignal : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly TextWriter? _error;
    private readonly PosixSignalRegistration? _terminate;
    private int _presses;

    /// <param name="error">Where the notices go (stderr), or null for none (<c>--quiet</c>).</param>
    public CancelSignal(TextWriter? error)
    {
        _error = error;
        Console.CancelKeyPress += OnCancelKeyPress;
        // SIGTERM (e.g. `kill`, a container stop) gets the same graceful first stage as Ctrl+C.
        _terminate = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnTerminate);
    }

    /// <summary>Cancelled by the first Ctrl+C or SIGTERM.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>True once the user asked to stop.</summary>
    public bool Requested => Volatile.Read(ref _presses) > 0;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _terminate?.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true; // keep the process alive for the graceful stage
        Press("interrupted");
    }

    private void OnTerminate(PosixSignalContext context)
    {
        context.Cancel = true;
        Press("terminated");
    }

    private void Press(string what)
    {
        if (Interlocked.Increment(ref _presses) == 1)
        {
            _error?.WriteLine($"actorproc: {what}; stopping (press Ctrl+C again to exit at once)");
            ThreadPool.UnsafeQueueUserWorkItem(static s => ((CancellationTokenSource)s!).Cancel(), _source);
            return;
        }
        _error?.WriteLine("actorproc: exiting at once");
        _error?.Flush();
        Environment.Exit(ExitCodes.Cancelled);
    }
}
