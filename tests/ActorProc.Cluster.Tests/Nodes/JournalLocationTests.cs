namespace ActorProc.Cluster.Tests.Nodes;

/// <summary>Parsing <c>--journal</c> values: what reaches Akka.Persistence.Sql, and what is shown to people.</summary>
public sealed class JournalLocationTests
{
    [Fact]
    public void Postgres_journal_is_shown_without_its_password()
    {
        var journal = JournalLocation.Parse("postgres:Host=db.example;Port=5433;Username=actorproc;Password=s3cret;Database=jobs");

        Assert.Equal("postgres:Host=db.example;Port=5433;Username=actorproc;Database=jobs", journal.DisplayName);
        Assert.Contains("Password=s3cret", journal.ConnectionString);
    }

    [Fact]
    public void Malformed_postgres_connection_string_is_refused_without_echoing_the_password()
    {
        var e = Assert.Throws<ArgumentException>(() => JournalLocation.Parse("postgres:Host=db;Password=s3cret;Colour=blue"));

        Assert.Contains("postgres:", e.Message);
        Assert.DoesNotContain("s3cret", e.ToString());
    }

    [Theory]
    [InlineData("postgresql:Host=db;Password=s3cret;Database=jobs")]
    [InlineData("Host=db;Username=u;PWD = s3cret")]
    public void Mistyped_journal_kind_is_refused_without_echoing_the_password(string journal)
    {
        var e = Assert.Throws<ArgumentException>(() => JournalLocation.Parse(journal));

        Assert.Contains("Host=db;", e.Message);
        Assert.DoesNotContain("s3cret", e.Message);
    }

    [Fact]
    public void Postgres_password_with_quotes_and_hocon_syntax_reaches_the_journal_and_snapshot_store_intact()
    {
        var settings = new NodeSettings { Journal = "postgres:Host=db;Database=jobs;Username=u;Password='p\"a&s{s}$w:o=r;d\\+<>#'" };
        var journal = NodeConfig.Journal(settings);

        var config = NodeConfig.Build(settings, journal);

        Assert.Equal("p\"a&s{s}$w:o=r;d\\+<>#", new Npgsql.NpgsqlConnectionStringBuilder(journal.ConnectionString).Password);
        Assert.Equal(journal.ConnectionString, config.GetString("akka.persistence.journal.sql.connection-string"));
        Assert.Equal(journal.ConnectionString, config.GetString("akka.persistence.snapshot-store.sql.connection-string"));
    }

    [Fact]
    public void Postgres_journal_sessions_end_an_idle_transaction_after_10_s_unless_the_connection_string_says_otherwise()
    {
        var limited = new Npgsql.NpgsqlConnectionStringBuilder(JournalLocation.Parse("postgres:Host=db;Database=jobs;Options=-c search_path=jobs").ConnectionString);
        var own = new Npgsql.NpgsqlConnectionStringBuilder(JournalLocation.Parse("postgres:Host=db;Database=jobs;Options=-c idle_in_transaction_session_timeout=0").ConnectionString);

        Assert.Equal("-c search_path=jobs -c idle_in_transaction_session_timeout=10000", limited.Options);
        Assert.Equal("-c idle_in_transaction_session_timeout=0", own.Options);
    }

    [Fact]
    public async Task A_real_postgres_server_applies_the_idle_transaction_limit_to_journal_sessions()
    {
        var journal = JournalLocation.Parse("postgres:" + TestPostgres.ConnectionString);
        await using var connection = new Npgsql.NpgsqlConnection(journal.ConnectionString);
        await connection.OpenAsync();
        await using var show = new Npgsql.NpgsqlCommand("SHOW idle_in_transaction_session_timeout", connection);

        Assert.Equal("10s", await show.ExecuteScalarAsync());
    }

    [Fact]
    public void Postgres_journal_uses_a_provider_name_that_linq2db_knows()
    {
        var journal = JournalLocation.Parse("postgres:Host=db;Database=jobs");

        Assert.NotNull(LinqToDB.Data.DataConnection.GetDataProvider(journal.ProviderName, journal.ConnectionString));
    }
}
