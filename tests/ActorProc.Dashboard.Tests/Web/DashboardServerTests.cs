using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;

namespace ActorProc.Dashboard.Tests.Web;

/// <summary>The server on a real (in-process) node: what it serves, to whom, and where it refuses to listen.</summary>
public sealed class DashboardServerTests(SingleNodeFixture cluster) : IClassFixture<SingleNodeFixture>
{
    [Fact]
    public async Task On_loopback_the_page_its_assets_and_the_snapshot_are_served_without_a_token()
    {
        await using var server = await DashboardServer.StartAsync(cluster.Node.Jobs, new DashboardOptions { Port = 0 });
        using var http = new HttpClient { BaseAddress = server.Address };

        Assert.Equal("127.0.0.1", server.Address.Host);
        Assert.Contains("<title>ActorProc cluster</title>", await http.GetStringAsync("/"));
        Assert.Contains("EventSource", await http.GetStringAsync("/dashboard.js"));
        var page = await http.GetAsync("/");
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        // The node's view of its own membership (Akka's Cluster.State) can lag its member-up callback by a
        // moment: wait for the first snapshot that has it.
        using var snapshot = await SnapshotWithMembersAsync(http);
        var member = snapshot.RootElement.GetProperty("members").EnumerateArray().Single();
        Assert.Equal(cluster.Node.Address.ToString(), member.GetProperty("address").GetString());
        Assert.True(member.GetProperty("isSelf").GetBoolean());
    }

    [Fact]
    public async Task The_event_stream_pushes_a_new_snapshot_every_interval()
    {
        await using var server = await DashboardServer.StartAsync(cluster.Node.Jobs, new DashboardOptions { Port = 0, SampleInterval = TimeSpan.FromMilliseconds(200) });
        using var http = new HttpClient { BaseAddress = server.Address };
        using var response = await http.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        var sequences = new List<long>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (sequences.Count < 3 && await reader.ReadLineAsync(timeout.Token) is { } line)
            if (line.StartsWith("data: ", StringComparison.Ordinal))
                sequences.Add(JsonDocument.Parse(line["data: ".Length..]).RootElement.GetProperty("sequence").GetInt64());

        Assert.Equal(3, sequences.Count);
        Assert.True(sequences[0] < sequences[1] && sequences[1] < sequences[2], string.Join(", ", sequences));
    }

    [Fact]
    public async Task A_job_that_failed_at_once_is_listed_among_the_recent_jobs_with_its_error()
    {
        await using var server = await DashboardServer.StartAsync(cluster.Node.Jobs, new DashboardOptions { Port = 0, SampleInterval = TimeSpan.FromMilliseconds(200) });
        var ack = await cluster.Node.Jobs.SubmitAsync(new ActorProc.Cluster.Jobs.JobSpec("no-such-task-job", "no-such-task", ["1"]));
        Assert.Equal(ActorProc.Cluster.Jobs.JobState.Failed, ack.State);
        using var http = new HttpClient { BaseAddress = server.Address };
        using var response = await http.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        // Pushed once the sampler has found the job's entity in its shard region and asked it.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        JsonElement jobs = default;
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (!line.StartsWith("data: ", StringComparison.Ordinal)) continue;
            jobs = JsonDocument.Parse(line["data: ".Length..]).RootElement.GetProperty("jobs").Clone();
            if (jobs.GetProperty("recent").GetArrayLength() > 0) break;
        }

        var recent = jobs.GetProperty("recent").EnumerateArray().Single();
        Assert.Equal(("no-such-task-job", "failed"), (recent.GetProperty("id").GetString(), recent.GetProperty("state").GetString()));
        var failure = jobs.GetProperty("failures").EnumerateArray().Single();
        Assert.Contains("Unknown task 'no-such-task'", failure.GetProperty("error").GetString());
        var shard = jobs.GetProperty("shards").EnumerateArray().Single();
        Assert.Equal(cluster.Node.Address.ToString(), shard.GetProperty("address").GetString());
        Assert.True(shard.GetProperty("jobs").GetInt32() >= 1);
    }

    [Fact]
    public async Task Off_loopback_every_route_answers_401_without_the_token_and_serves_with_it()
    {
        await using var server = await DashboardServer.StartAsync(cluster.Node.Jobs, new DashboardOptions { Host = "0.0.0.0", Port = 0, Token = "s3cret" });
        var loopback = new UriBuilder(server.Address) { Host = "127.0.0.1" }.Uri;
        using var http = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = loopback };

        foreach (var route in new[] { "/", "/dashboard.js", "/api/snapshot", "/api/events" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(route)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/snapshot?token=wrong")).StatusCode);

        using var bearer = new HttpRequestMessage(HttpMethod.Get, "/api/snapshot") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "s3cret") } };
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(bearer)).StatusCode);
        // Opening /?token= sets a cookie, so the page's own script and stream need no token in their addresses.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/?token=s3cret")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/dashboard.js")).StatusCode);
    }

    [Fact]
    public async Task A_non_loopback_address_without_a_token_is_refused_before_listening()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => DashboardServer.StartAsync(cluster.Node.Jobs, new DashboardOptions { Host = "0.0.0.0", Port = 0 }));
        Assert.Contains("token", e.Message);
    }

    [Fact]
    public async Task A_port_in_use_is_reported_with_the_port()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var e = await Assert.ThrowsAsync<DashboardPortInUseException>(() => DashboardServer.StartAsync(cluster.Node.Jobs, new DashboardOptions { Port = port }));
        Assert.Equal(port, e.Port);
        Assert.Contains($"127.0.0.1:{port}", e.Message);
    }

    [Fact]
    public async Task A_host_name_other_than_localhost_is_refused_with_the_reason()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => DashboardServer.StartAsync(cluster.Node.Jobs, new DashboardOptions { Host = "example.org", Port = 0, Token = "t" }));
        Assert.Contains("not an IP address", e.Message);
    }

    private static async Task<JsonDocument> SnapshotWithMembersAsync(HttpClient http)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var snapshot = JsonDocument.Parse(await http.GetStringAsync("/api/snapshot", timeout.Token));
            if (snapshot.RootElement.GetProperty("members").GetArrayLength() > 0) return snapshot;
            snapshot.Dispose();
            await Task.Delay(100, timeout.Token); // the sampler publishes about once per interval; no event to await over HTTP
        }
    }
}
