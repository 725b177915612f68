using Akka.Dispatch;

namespace ActorProc.Logging;

/// <summary>
/// An Akka logger (listed in <c>akka.loggers</c>) that writes log events to standard error, one line
/// each, so that the standard output of a program using ActorProc carries only what the program prints.
/// Used by the actor systems ActorProc creates itself; register it in your own system's
/// <c>akka.loggers</c> to get the same behaviour.
/// </summary>
public sealed class StandardErrorLogger : ReceiveActor, IRequiresMessageQueue<ILoggerMessageQueueSemantics>
{
    /// <summary>Creates the logger; Akka does this for every entry of <c>akka.loggers</c>.</summary>
    public StandardErrorLogger()
    {
        Receive<InitializeLogger>(_ => Sender.Tell(new LoggerInitialized()));
        Receive<LogEvent>(e => StandardErrorMinimalLogger.Write(e));
    }
}
