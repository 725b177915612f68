using System.Reflection;
using ActorProc.Configuration;
using ActorProc.Isolation;
using ActorProc.IsolationWorker;
using Akka.Configuration;
using Akka.TestKit;

namespace ActorProc.Tests.Isolation;

/// <summary>
/// The pool's side of the trust model: a registration without the pool's secret, and a task reply from
/// an actor that is not one of its registered worker processes, are refused (logged, never answered,
/// never counted), and the pool keeps serving its own processes.
/// </summary>
public sealed class WorkerTrustSpec() : Akka.TestKit.Xunit2.TestKit(
    ConfigurationFactory.ParseString(WorkerIsolation.LoopbackRemoteConfig).WithFallback(ActorProcConfig.Defaults))
{
    private static readonly string WorkerDll = typeof(WorkerTrustSpec).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "IsolationWorkerDll").Value!;

    [Fact]
    public async Task A_registration_without_the_secret_and_a_reply_from_a_stranger_are_refused_and_the_pool_carries_on()
    {
        await using var pool = new WorkerPool(Sys, new WorkerPoolOptions
        {
            Name = "trusting",
            Workers = 1,
            Isolation = new WorkerIsolation { Processes = 1, StartInfo = () => WorkerProcessStart.ForAssembly(WorkerDll) },
        });
        var processSet = Sys.ActorSelection("/user/trusting-processes");
        var stranger = CreateTestProbe();

        await EventFilter.Warning(contains: "Refused a worker registration").ExpectOneAsync(async () =>
        {
            processSet.Tell(new RegisterWorker("not-the-secret", Environment.ProcessId), stranger.Ref);
            await Task.CompletedTask;
        });
        await EventFilter.Warning(contains: "Ignored a task reply").ExpectOneAsync(async () =>
        {
            processSet.Tell(new TaskReplies(new TaskReply(1, "\"forged\"", null, null)), stranger.Ref);
            await Task.CompletedTask;
        });
        await stranger.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));

        var values = await pool.MapAsync(new long[] { 1, 2, 3 }, pool.Isolated<long, long>("checked")).WithinProcesses();
        Assert.Equal(new long[] { 1, 2, 3 }.Select(WorkerTasks.Expected), values);
    }
}
