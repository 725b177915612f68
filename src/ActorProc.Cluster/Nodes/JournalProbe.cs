using Microsoft.Data.Sqlite;
using Npgsql;

namespace ActorProc.Cluster.Nodes;

/// <summary>
/// Opens the journal once before the node starts, so a journal that cannot be opened stops start-up
/// with its name rather than surfacing later as failing entities. For SQLite it also switches the file
/// to write-ahead logging, which lets node processes on one machine share it (readers do not block
/// the writer); the mode is stored in the file.
/// </summary>
internal static class JournalProbe
{
    /// <exception cref="JournalUnavailableException">The journal cannot be opened.</exception>
    public static async Task EnsureOpenAsync(JournalLocation journal, CancellationToken cancellationToken)
    {
        try
        {
            if (journal.Kind == JournalLocation.Sqlite)
            {
                await using var connection = new SqliteConnection(journal.ConnectionString);
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA journal_mode=WAL;";
                await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await using var connection = new NpgsqlConnection(journal.ConnectionString);
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new JournalUnavailableException(journal.DisplayName, e);
        }
    }
}
