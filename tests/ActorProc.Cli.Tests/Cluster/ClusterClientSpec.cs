using System.Net;
using System.Text.Json;
using System.Net.Sockets;
using Xunit.Abstractions;
using static ActorProc.Cli.Tests.Cluster.JobProgressLines;

namespace ActorProc.Cli.Tests.Cluster;

/// <summary>submit, job and status against small clusters: idempotent job ids, the status document, an unreachable cluster.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterClientSpec(ITestOutputHelper output)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Submitting_the_same_job_id_twice_runs_one_job()
    {
        using var cluster = TestClusters.Create(1, output);
        await cluster.StartAsync();
        var first = cluster.StartCommand("submit 1", "submit", "sumsq", "--n", "1000", "--tasks", "300", "--job-id", "twice", "--cluster", cluster.Contact, "--json");
        Assert.Equal(0, await first.WaitForExitAsync(CommandTimeout));
        var second = cluster.StartCommand("submit 2", "submit", "sumsq", "--n", "1000", "--tasks", "500", "--job-id", "twice", "--cluster", cluster.Contact, "--json");
        Assert.Equal(0, await second.WaitForExitAsync(CommandTimeout));

        Assert.Contains("job twice exists", second.Stderr);
        var json = Json(second.Stdout);
        Assert.Equal("twice", json.GetProperty("job_id").GetString());
        Assert.Equal(300, json.GetProperty("succeeded").GetInt64()); // the first job's tasks, not the second's 500
        Assert.Equal(SumSquares(1000, 300), json.GetProperty("results")[0].GetProperty("output").GetRawText());
        Assert.Equal(Json(first.Stdout).GetProperty("results").GetRawText(), json.GetProperty("results").GetRawText());
    }

    [Fact]
    public async Task Status_json_lists_every_member_with_address_roles_status_and_reachability()
    {
        using var cluster = TestClusters.Create(2, output);
        await cluster.StartAsync();
        var status = cluster.StartCommand("status", "status", "--cluster", cluster.Contact, "--json");
        Assert.Equal(0, await status.WaitForExitAsync(CommandTimeout));

        var json = Json(status.Stdout);
        var members = json.GetProperty("members").EnumerateArray().ToList();
        Assert.All(members, m => Assert.Equal(["address", "roles", "status", "reachable"], m.EnumerateObject().Select(p => p.Name)));
        var workers = members.Where(m => m.GetProperty("roles").EnumerateArray().Any(r => r.GetString() == "worker")).ToList();
        Assert.Equal(cluster.Ports.Select(p => $"akka.tcp://actorproc@127.0.0.1:{p}").Order(), workers.Select(m => m.GetProperty("address").GetString()).Order());
        Assert.All(workers, m =>
        {
            Assert.Equal("up", m.GetProperty("status").GetString());
            Assert.True(m.GetProperty("reachable").GetBoolean());
        });
        Assert.Equal(JsonValueKind.Array, json.GetProperty("shards").ValueKind);
        Assert.Equal(JsonValueKind.Array, json.GetProperty("jobs").ValueKind);
    }

    [Fact]
    public async Task Submit_to_an_unreachable_cluster_exits_2_naming_the_address()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port; // free once the listener stops: nothing answers there
        }
        var result = await CliRunner.RunAsync("submit", "sumsq", "--n", "10", "--cluster", $"127.0.0.1:{port}", "--connect-timeout", "2s");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"127.0.0.1:{port}", result.Stderr);
        Assert.Equal("", result.Stdout);
    }
}
