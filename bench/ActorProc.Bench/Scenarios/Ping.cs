namespace ActorProc.Bench.Scenarios;

/// <summary>
/// The one message object the messaging scenarios send back and forth: reusing a single
/// instance means the bench itself allocates nothing per message, so "bytes per message"
/// measures the transport (mailbox or channel) alone.
/// </summary>
internal sealed class Ping
{
    /// <summary>The shared instance.</summary>
    public static readonly Ping Instance = new();

    private Ping()
    {
    }
}
