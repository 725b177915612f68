namespace ActorProc.Cluster.Nodes;

/// <summary>
/// The node's journal could not be opened at start-up (a missing directory, a locked or corrupt file,
/// an unreachable or refusing PostgreSQL server). The message names the journal (without a password);
/// the node did not start. The <c>actorproc node</c> command exits with code 2.
/// </summary>
public sealed class JournalUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="journal">The journal as shown to people (e.g. <c>sqlite:/data/journal.db</c>).</param>
    /// <param name="innerException">Why it could not be opened.</param>
    public JournalUnavailableException(string journal, Exception innerException)
        : base($"Cannot open the journal {journal}: {innerException.Message}", innerException) => Journal = journal;

    /// <summary>The journal as shown to people.</summary>
    public string Journal { get; }
}
