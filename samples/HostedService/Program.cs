using ActorProc.Hosting;
using Akka.Hosting;
using HostedService;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// appsettings.json is read from the program's folder, so `dotnet run --project samples/HostedService` works from anywhere.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });

// The actor system, with ActorProc's pools: "checksums" is registered here (code wins over configuration)
// and configured in appsettings.json under ActorProc:Pools:checksums.
builder.Services.AddAkka("hosted-sample", (akka, _) => akka
    .WithActorProc(pools => pools.Add("checksums", options => options with { MaxRetries = 1 })));
// IWorkerPool services (keyed by pool name) and the drain of running jobs when the host stops.
builder.Services.AddActorProc();
builder.Services.AddHostedService<ChecksumWorker>();

await builder.Build().RunAsync();
