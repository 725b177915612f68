using System.Text.Json;
using ActorProc.Dashboard.Sampling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace ActorProc.Dashboard.Web;

/// <summary>
/// The dashboard's routes: the page (<c>/</c>, <c>/dashboard.js</c>, <c>/dashboard.css</c>), the latest
/// snapshot as JSON (<c>/api/snapshot</c>) and the live stream of snapshots as server-sent events
/// (<c>/api/events</c>: one <c>snapshot</c> event per sample, each a JSON document on one line).
/// </summary>
internal static class DashboardEndpoints
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(IEndpointRouteBuilder routes, ClusterSampler sampler, CancellationToken serverStopping)
    {
        routes.MapGet("/", () => EmbeddedAssets.Serve("index.html"));
        routes.MapGet("/dashboard.js", () => EmbeddedAssets.Serve("dashboard.js"));
        routes.MapGet("/dashboard.css", () => EmbeddedAssets.Serve("dashboard.css"));
        routes.MapGet("/api/snapshot", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return Results.Json(sampler.Latest, Json);
        });
        routes.MapGet("/api/events", (HttpContext context) => StreamAsync(context, sampler, serverStopping));
    }

    /// <summary>
    /// Sends the latest snapshot at once, then each new one as it is published, until the browser goes
    /// away or the server stops (an open stream must not hold the shutdown).
    /// </summary>
    private static async Task StreamAsync(HttpContext context, ClusterSampler sampler, CancellationToken serverStopping)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, serverStopping);
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var snapshot = sampler.Latest;
        try
        {
            while (true)
            {
                await response.WriteAsync($"event: snapshot\nid: {snapshot.Sequence}\ndata: {JsonSerializer.Serialize(snapshot, Json)}\n\n", done.Token).ConfigureAwait(false);
                await response.Body.FlushAsync(done.Token).ConfigureAwait(false);
                snapshot = await sampler.NextAsync(done.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (done.IsCancellationRequested)
        {
            // the browser closed the page, or the dashboard is stopping
        }
    }

    /// <summary>Headers that keep the page to its own origin: no inline or foreign scripts, no framing.</summary>
    public static async Task SecurityHeadersAsync(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        await next(context).ConfigureAwait(false);
    }
}
