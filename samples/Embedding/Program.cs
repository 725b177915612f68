using ActorProc.Pools;
using ActorProc.Reports;
using Akka.Actor;

// 1. Standalone: the pool creates and owns an ActorSystem. A pile of CPU work on every core, results in input order.
await using (var pool = WorkerPool.Create(new WorkerPoolOptions { MaxRetries = 2 }))
{
    var squares = await pool.MapAsync(Enumerable.Range(1, 10_000), n => (long)n * n);
    Console.WriteLine($"sum of squares: {squares.Sum()}");

    // MapAsync throws JobFailedException (after the whole batch ran) when any input fails;
    // RunAsync never throws for task failures: its report says which inputs failed and why.
    var report = await pool.RunAsync(new[] { "1", "2", "x", "4" }, int.Parse);
    Console.WriteLine($"parsed {report.Succeeded} of {report.Total}; failed: {string.Join(", ", report.FailedTasks.Select(t => $"{t.Input} ({t.Exception?.GetType().Name})"))}");
}

// 2. Attached: pools on an ActorSystem you already have, next to your own Akka actors.
var system = ActorSystem.Create("embedding", "akka.loglevel = WARNING");
var counter = system.ActorOf(Props.Create<Counter>(), "counter");
var workers = system.GetWorkerPool("workers"); // options from actorproc.pool / actorproc.pools.workers in the system's HOCON
await workers.ForEachAsync(Enumerable.Range(0, 1000), _ => counter.Tell(new Counter.Add(1)));
Console.WriteLine($"counter: {await counter.Ask<int>(new Counter.Get(), TimeSpan.FromSeconds(5))}");
await system.Terminate(); // CoordinatedShutdown drains the pool first

internal sealed class Counter : ReceiveActor
{
    private int _value;

    public Counter()
    {
        Receive<Add>(add => _value += add.Amount);
        Receive<Get>(_ => Sender.Tell(_value, Self));
    }

    public sealed record Add(int Amount);
    public sealed record Get;
}
