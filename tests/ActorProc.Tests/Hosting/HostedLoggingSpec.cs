using Akka.Event;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActorProc.Tests.Hosting;

/// <summary>In a host, Akka's log and ActorProc's log reach Microsoft.Extensions.Logging.</summary>
public sealed class HostedLoggingSpec
{
    [Fact]
    public async Task Akka_and_ActorProc_log_through_the_hosts_ILogger()
    {
        var logs = new CapturingLoggerProvider();
        using var host = TestHosts.Build(pools => pools.Add("ingest"), logs: logs);
        await host.StartAsync().Within();
        try
        {
            var system = host.Services.GetRequiredService<ActorSystem>();
            var pool = host.Services.GetRequiredKeyedService<IWorkerPool>("ingest");

            system.Log.Warning("a line from the actor system's own log");
            // ActorProc logs a completion callback that throws (the task's outcome is unaffected).
            var handle = pool.Submit(x => x + 1, 41, _ => throw new InvalidOperationException("callback failed"));

            Assert.Equal(42, await handle.Task.Within());
            var akka = await logs.WaitForAsync(e => e.Message.Contains("a line from the actor system's own log")).Within();
            var actorProc = await logs.WaitForAsync(e => e.Message.Contains("completion callback of task")).Within();
            Assert.Equal(LogLevel.Warning, akka.Level);
            Assert.StartsWith("Akka", akka.Category); // what Logging:LogLevel:Akka filters
            Assert.Equal(LogLevel.Error, actorProc.Level);
            Assert.IsType<InvalidOperationException>(actorProc.Exception);
        }
        finally
        {
            await host.StopAsync().Within();
        }
    }
}
