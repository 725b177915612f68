namespace ActorProc.Logging;

/// <summary>
/// Akka's start-up and shutdown logger (<c>akka.stdout-logger-class</c>), writing to standard error
/// instead of standard output.
/// </summary>
public sealed class StandardErrorMinimalLogger : MinimalLogger
{
    /// <inheritdoc />
    protected override void Log(object message)
    {
        if (message is LogEvent logEvent) Write(logEvent);
        else Console.Error.WriteLine(message);
    }

    /// <summary>Writes one event in Akka's own format: level, time, thread, source, message (and the exception, if any).</summary>
    internal static void Write(LogEvent e) => Console.Error.WriteLine(e.ToString());
}
