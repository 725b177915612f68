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

    private static readonly Lazy<string> Server = new(() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : StartLocalServer());

    /// <summary>
    /// The connection string: <c>ACTORPROC_TEST_POSTGRES</c> (CI's .ci/run sets it; or a server of your own,
    /// e.g. Host=127.0.0.1;Port=5432;Username=USER;Password=PASSWORD;Database=DB, for a role that may create
    /// databases), else the server that the repository's .ci/start-postgres installs and starts on 127.0.0.1:55432.
    /// Throws (the spec fails, it is never skipped) when neither is possible.
    /// </summary>
    public static string ConnectionString => Server.Value;

    private static string StartLocalServer()
    {
        try
        {
            return ActorProc.Tests.Shared.RepositoryScript.Run("start-postgres");
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException(
                $"{Variable} is not set and .ci/start-postgres could not start a PostgreSQL server (it installs Debian's postgresql, as root): "
                + $"{e.Message} Set {Variable} to the Npgsql connection string of a server of your own instead.", e);
        }
    }

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
