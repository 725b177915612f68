using System.Text.RegularExpressions;
using Npgsql;

namespace ActorProc.Cluster.Nodes;

/// <summary>
/// A parsed <c>--journal</c> value: which Akka.Persistence.Sql provider, which connection string, and a
/// name to show in messages (the PostgreSQL password left out).
/// </summary>
internal sealed record JournalLocation(string Kind, string ConnectionString, string ProviderName, string TableMapping, string DisplayName)
{
    public const string Sqlite = "sqlite", Postgres = "postgres";

    /// <exception cref="ArgumentException">Not <c>sqlite:PATH</c> or <c>postgres:CONNECTION-STRING</c>, or the connection string is malformed.</exception>
    public static JournalLocation Parse(string journal)
    {
        var colon = journal?.IndexOf(':') ?? -1;
        var kind = colon > 0 ? journal![..colon] : "";
        var target = colon > 0 ? journal![(colon + 1)..] : "";
        if (target.Length == 0 || kind is not (Sqlite or Postgres))
            throw new ArgumentException($"Invalid journal '{WithoutPassword(journal)}': expected sqlite:PATH or postgres:CONNECTION-STRING.", nameof(journal));
        if (kind == Sqlite)
        {
            var path = Path.GetFullPath(target);
            // A busy timeout (seconds) lets node processes that share the file wait for each other's writes.
            return new JournalLocation(kind, $"Data Source={path};Default Timeout=30;Pooling=True", "SQLite.MS", "sqlite", $"sqlite:{path}");
        }
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(target);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ArgumentException($"Invalid journal 'postgres:...': the connection string is malformed ({e.Message}).", nameof(journal), e);
        }
        LimitIdleTransactions(builder);
        var shown = new NpgsqlConnectionStringBuilder(target) { Password = null };
        return new JournalLocation(kind, builder.ConnectionString, "PostgreSQL15", "postgresql", $"postgres:{shown.ConnectionString}");
    }

    /// <summary>
    /// How long PostgreSQL keeps a journal session that sits inside a transaction without sending
    /// anything before it ends the session and rolls the transaction back. A node frozen mid-write
    /// (SIGSTOP, a debugger, a VM pause) otherwise keeps its uncommitted rows' index locks for as long as
    /// it is frozen: the node that takes over its shards then blocks on the same (persistence id,
    /// sequence number), and with it every write batched with that one — the shard coordinator's too,
    /// so no shard could be allocated anywhere until the frozen node ran again. The journal's own
    /// transactions last milliseconds; 10 s leaves pauses far longer than a GC's.
    /// </summary>
    internal static readonly TimeSpan IdleInTransactionTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Adds <see cref="IdleInTransactionTimeout"/> to the session options, unless the connection string sets its own.</summary>
    private static void LimitIdleTransactions(NpgsqlConnectionStringBuilder builder)
    {
        if (builder.Options?.Contains("idle_in_transaction_session_timeout", StringComparison.OrdinalIgnoreCase) == true) return;
        var limit = $"-c idle_in_transaction_session_timeout={(long)IdleInTransactionTimeout.TotalMilliseconds}";
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? limit : $"{builder.Options} {limit}";
    }

    // A mistyped kind ("postgresql:...;Password=...") must not put the password in the error either.
    private static string? WithoutPassword(string? journal) =>
        journal is null ? null : Regex.Replace(journal, @"(?i)\b(password|pwd)\s*=[^;]*", "$1=***");
}
