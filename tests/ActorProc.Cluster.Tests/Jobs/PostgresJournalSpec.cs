using ActorProc.Cluster.Tests.Nodes;
using Npgsql;

namespace ActorProc.Cluster.Tests.Jobs;

/// <summary>
/// Durable jobs with the PostgreSQL journal, on the real server named by <c>ACTORPROC_TEST_POSTGRES</c>
/// (CI starts one on loopback: <c>.ci/start-postgres</c>); each test gets a database of its own. Without
/// the variable these specs fail, saying how to provide it: they are never skipped.
/// </summary>
public sealed class PostgresJournalSpec
{
    [Fact]
    public async Task Job_runs_end_to_end_with_exactly_one_result_per_task_on_postgres()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        await DurableJobScenarios.EndToEndWithOneResultPerTaskAsync(database.Journal, "pg-e2e");
    }

    [Fact]
    public async Task Node_stopped_mid_job_and_a_new_node_on_the_same_postgres_journal_completes_it_without_duplicates()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();

        await DurableJobScenarios.StopMidJobAndResumeOnANewNodeAsync(database.Journal, "pg-resume");
    }

    [Fact]
    public async Task Postgres_journal_that_refuses_the_login_fails_start_up_naming_it_without_the_password()
    {
        const string password = "not-the-password-7f3a";
        var connection = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString) { Password = password };

        var e = await Assert.ThrowsAsync<JournalUnavailableException>(() =>
            ClusterNode.StartAsync(new NodeSettings { Journal = "postgres:" + connection.ConnectionString }, TestTasks.Registry()));

        Assert.Contains($"postgres:Host={connection.Host}", e.Message);
        Assert.Contains($"Database={connection.Database}", e.Message);
        Assert.DoesNotContain(password, e.ToString());
    }
}
