using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ActorProc.Dashboard.Tests.Browser;

/// <summary>
/// The dashboard of a real two-node cluster in headless Chromium, served by a node (<c>actorproc node
/// --dashboard-port</c>) and by a client (<c>actorproc dashboard --cluster</c>): a job's progress bar
/// moves while the job runs, a node killed with kill -9 turns unreachable, and a failed task is listed
/// with its input and error, all pushed to the open pages (no reload, no navigation: a marker set on the page's
/// window survives to the end).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardBrowserSpec(ITestOutputHelper output)
{
    /// <summary>Generous: the page waits for processes on a loaded 2-core machine.</summary>
    private const float Timeout = 60_000;
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    // Clients (submit, dashboard) join the cluster as members; on a loaded machine that can take longer than the
    // default 10 s, and their first requests longer than the default ask timeout (see DashboardNodes.ClientConfig).

    [Fact]
    public async Task Running_job_progress_moves_and_a_killed_node_shows_unreachable_without_a_reload()
    {
        var chromium = Chromium.ExecutablePath();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Phase(string what) => output.WriteLine($"{clock.Elapsed.TotalSeconds,6:0.0} s  {what}");
        using var nodes = new DashboardNodes(2, output);
        await nodes.StartAsync();
        Phase("nodes up, dashboard listening");
        using var takenPort = new TcpListener(IPAddress.Loopback, 0);
        takenPort.Start();
        var taken = ((IPEndPoint)takenPort.LocalEndpoint).Port;
        var portInUse = nodes.Start("dashboard on a taken port", "dashboard", "--cluster", nodes.Contact, "--connect-timeout", "60s", "--config", nodes.ClientConfig, "--port", taken.ToString());
        var client = nodes.Start("dashboard client", "dashboard", "--cluster", nodes.Contact, "--connect-timeout", "60s", "--config", nodes.ClientConfig, "--port", "0");
        // A quick job with one bad input: its failure is listed once the job is done.
        var failing = nodes.Start("submit failing", "submit", "collatz", "27", "not-a-number", "97", "--partition-size", "1",
            "--job-id", "dashboard-failing", "--cluster", nodes.Contact, "--connect-timeout", "60s", "--config", nodes.ClientConfig, "--detach");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = Chromium.Arguments });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        await page.GotoAsync(nodes.Dashboard!.ToString());
        var clientPage = await browser.NewPageAsync();
        await clientPage.GotoAsync((await DashboardNodes.DashboardAddressAsync(client)).ToString());

        var killedRow = $"#members tr[data-member=\"{DashboardNodes.Address(nodes.Ports[1])}\"] .reachability";
        await Expect(page.Locator("#connection")).ToHaveTextAsync("live", new() { Timeout = Timeout });
        await Expect(page.Locator(killedRow)).ToHaveTextAsync("reachable", new() { Timeout = Timeout });
        await Expect(clientPage.Locator(killedRow)).ToHaveTextAsync("reachable", new() { Timeout = Timeout });
        await page.EvaluateAsync("() => { window.actorprocNoReload = true; }");
        Phase("both pages live, every member reachable");
        Assert.True(await failing.WaitForExitAsync(ExitTimeout) == 0, failing.Tail());

        // 400 partitions of 5 quick tasks: the journal paces the job, so partitions finish one after another.
        var submit = nodes.Start("submit", "submit", "sumsq", "--n", "4000000", "--tasks", "2000", "--partition-size", "5",
            "--job-id", "dashboard-job", "--cluster", nodes.Contact, "--connect-timeout", "60s", "--config", nodes.ClientConfig, "--detach");
        Assert.True(await submit.WaitForExitAsync(ExitTimeout) == 0, submit.Tail());
        Phase("jobs submitted");

        const string bar = "#running tr[data-job=\"dashboard-job\"] progress";
        var first = await page.WaitForFunctionAsync($$"""
            () => { const p = document.querySelector('{{bar}}'); return p && p.value > 0 && p.value < p.max ? p.value : null; }
            """, null, new() { Timeout = Timeout });
        var before = await first.JsonValueAsync<double>();
        await page.WaitForFunctionAsync($$"""
            (before) => { const p = document.querySelector('{{bar}}'); return !!p && p.value > before; }
            """, before, new() { Timeout = Timeout });
        var after = await page.Locator(bar).EvaluateAsync<double>("p => p.value");
        Phase($"progress bar moved from {before} to {after} of 2000 tasks");

        nodes.Nodes[1].Kill();
        await Expect(page.Locator(killedRow)).ToHaveTextAsync("unreachable", new() { Timeout = Timeout });
        await Expect(clientPage.Locator(killedRow)).ToHaveTextAsync("unreachable", new() { Timeout = Timeout });
        Phase("killed node unreachable on both pages");

        await Expect(page.Locator("#recent tr[data-job=\"dashboard-failing\"] .state")).ToHaveTextAsync("completed", new() { Timeout = Timeout });
        var failure = page.Locator("#failures tr[data-failure=\"dashboard-failing#1\"]");
        await Expect(failure.Locator(".error")).ToContainTextAsync("FormatException", new() { Timeout = Timeout });
        await Expect(failure.Locator(".input")).ToHaveTextAsync("not-a-number", new() { Timeout = Timeout });
        Assert.True(await page.EvaluateAsync<bool>("() => window.actorprocNoReload === true"), "the page was reloaded or navigated away");
        Phase("failed task listed");

        Assert.True(await portInUse.WaitForExitAsync(ExitTimeout) == 2, portInUse.Tail());
        Assert.Contains($"127.0.0.1:{taken}", portInUse.Stderr);

        if (Environment.GetEnvironmentVariable("ACTORPROC_DASHBOARD_SCREENSHOT") is { Length: > 0 } screenshot)
            await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
    }
}
