using ActorProc.Hosting;
using Akka.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorProc.Tests.Hosting;

/// <summary>Generic hosts with ActorProc for the hosting specs: in-memory configuration, captured logs.</summary>
internal static class TestHosts
{
    public static IHost Build(
        Action<WorkerPoolRegistrations>? pools = null,
        IDictionary<string, string?>? settings = null,
        string hocon = "",
        CapturingLoggerProvider? logs = null,
        TimeSpan? shutdownTimeout = null,
        Action<IServiceCollection>? services = null) =>
        new HostBuilder()
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings ?? new Dictionary<string, string?>()))
            .ConfigureLogging(l =>
            {
                l.ClearProviders();
                if (logs is not null) l.AddProvider(logs);
                l.SetMinimumLevel(LogLevel.Debug);
            })
            .ConfigureServices(s =>
            {
                if (shutdownTimeout is { } timeout) s.Configure<HostOptions>(o => o.ShutdownTimeout = timeout);
                // The test's own services first: a hosted service registered before Akka's is built before the system starts.
                services?.Invoke(s);
                s.AddAkka("hosted", (builder, _) => builder
                    .AddHocon(hocon, HoconAddMode.Prepend)
                    .WithActorProc(pools));
                s.AddActorProc();
            })
            .Build();

    /// <summary>Waits (polling, bounded by the test patience) for a condition with no event to await.</summary>
    public static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TestPools.Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition did not hold within the test's patience.");
            await Task.Delay(10);
        }
    }
}
