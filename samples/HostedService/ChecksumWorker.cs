using System.Security.Cryptography;
using ActorProc.Pools;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HostedService;

/// <summary>
/// A worker service that hashes every file under a directory on the "checksums" pool, logs the outcome and
/// stops the application. Stopping it early (Ctrl+C) lets the running job finish within the pool's
/// DrainTimeout; what is still running then is cancelled and reported.
/// </summary>
public sealed class ChecksumWorker(
    [FromKeyedServices("checksums")] IWorkerPool pool,
    IConfiguration configuration,
    IHostApplicationLifetime lifetime,
    ILogger<ChecksumWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var directory = configuration["Checksums:Directory"] ?? ".";
        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        logger.LogInformation("Hashing the files under {Directory} on {Workers} workers", Path.GetFullPath(directory), pool.Options.Workers);

        var report = await pool.RunAsync(files, Sha256, cancellationToken: stoppingToken);

        foreach (var task in report.SucceededTasks.Take(5)) logger.LogInformation("{Hash}  {File}", task.Value, task.Input);
        foreach (var task in report.FailedTasks) logger.LogWarning("{File}: {Status} {Error}", task.Input, task.Status, task.Exception?.Message);
        logger.LogInformation("{Succeeded} of {Total} files hashed, {Failed} failed, in {Elapsed:0.000} s",
            report.Succeeded, report.Total, report.Failed, report.Elapsed.TotalSeconds);
        lifetime.StopApplication();
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
