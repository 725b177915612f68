using System.Text.Json;

namespace ActorProc.Tests.Reports;

public sealed class JobReportSpec : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "actorproc-report-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Write_to_saves_succeeded_failed_and_json_files()
    {
        await using var pool = TestPools.Create();
        var urls = new[] { "https://a.example", "https://b.example/bad", "https://c.example", "https://d.example/bad\tpath" };

        var report = await pool.RunAsync(urls, url => url.Contains("bad") ? throw new HttpRequestException("404 for " + url) : url.Length,
            new JobOptions { JobId = "crawl" }).Within();
        report.WriteTo(_directory);

        Assert.Equal(["https://a.example", "https://c.example"], File.ReadAllLines(Path.Combine(_directory, "succeeded.txt")));
        var failed = File.ReadAllLines(Path.Combine(_directory, "failed.txt"));
        Assert.Equal(2, failed.Length);
        Assert.Equal(["https://b.example/bad", "Failed", "HttpRequestException", "404 for https://b.example/bad"], failed[0].Split('\t'));
        Assert.StartsWith("https://d.example/bad\\tpath\tFailed\t", failed[1]); // a tab inside an input is escaped

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_directory, "report.json")));
        var root = json.RootElement;
        Assert.Equal("crawl", root.GetProperty("jobId").GetString());
        Assert.Equal("Completed", root.GetProperty("outcome").GetString());
        Assert.Equal(4, root.GetProperty("total").GetInt32());
        Assert.Equal(2, root.GetProperty("succeeded").GetInt32());
        Assert.Equal(2, root.GetProperty("failed").GetInt32());
        var tasks = root.GetProperty("tasks").EnumerateArray().ToArray();
        Assert.Equal([0, 1, 2, 3], tasks.Select(t => t.GetProperty("index").GetInt32()));
        Assert.Equal("crawl#1", tasks[1].GetProperty("taskId").GetString());
        Assert.Equal(17, tasks[0].GetProperty("value").GetInt32());
        Assert.Equal("https://a.example", tasks[0].GetProperty("input").GetString());
        Assert.Equal("System.Net.Http.HttpRequestException", tasks[1].GetProperty("error").GetProperty("type").GetString());
        Assert.False(tasks[1].TryGetProperty("value", out _));
    }

    [Fact]
    public async Task Every_input_appears_in_the_report_exactly_once_in_input_order()
    {
        await using var pool = TestPools.Create(new WorkerPoolOptions { MaxRetries = 2 });
        var attempt = new int[3_000];

        var report = await pool.RunAsync(TestPools.Lazy(3_000), x =>
            Interlocked.Increment(ref attempt[x]) == 1 && x % 7 == 0 ? throw new TransientTestException("retry me") : x).Within();

        Assert.Equal(Enumerable.Range(0, 3_000).Select(i => (long)i), report.Tasks.Select(t => t.Index));
        Assert.True(report.AllSucceeded);
        Assert.Equal(Enumerable.Range(0, 3_000).Count(x => x % 7 == 0), report.Retries);
        Assert.Equal(report.JobId + "#42", report.Tasks[42].Id.ToString());
    }
}
