using Npgsql;

namespace ActorProc.Cluster.Tests.Nodes;

/// <summary>
/// The PostgreSQL server of the PostgreSQL journal specs, from <c>ACTORPROC_TEST_POSTGRES</c>, and a
/// database of its own per test: sharding's coordinator state and the remembered entities live in the
/// journal under fixed ids, so two tests (or two CI runs) on one database would see each other's shards.
/// </summary>
internal static class TestPostgres
{
    public const string Variable = "ACTORPROC_TEST_POSTGRES";

    /// <summary>The connection string; throws (the spec fails, it is never skipped) when it is not set.</summary>
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set: the PostgreSQL journal specs need a PostgreSQL server. CI sets it (.ci/run). "
                + $"Locally, as root: export {Variable}=\"$(.ci/start-postgres)\" (installs Debian's postgresql if missing and "
                + "starts a server on 127.0.0.1:55432), or set it to the Npgsql connection string of a server of your own, "
                + "e.g. Host=127.0.0.1;Port=5432;Username=USER;Password=PASSWORD;Database=DB, for a role that may create databases (CREATEDB).");

    /// <summary>Creates an empty database for one test; disposing it drops it (with any connection left open to it).</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync()
    {
        var name = "actorproc_t_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return new TestDatabase(name, new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString);
    }

    internal static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A database created for one test (see <see cref="TestPostgres.CreateDatabaseAsync"/>).</summary>
internal sealed class TestDatabase(string name, string connectionString) : IAsyncDisposable
{
    public string ConnectionString { get; } = connectionString;

    /// <summary>The <c>--journal</c> value of a node on this database.</summary>
    public string Journal => "postgres:" + ConnectionString;

    public async ValueTask DisposeAsync()
    {
        // FORCE (PostgreSQL 13+) ends the pooled connections the nodes of the test left behind.
        await TestPostgres.ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }
}
