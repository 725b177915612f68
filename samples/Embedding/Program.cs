// The embedding example from the README: a worker pool for a pile of work, and a plain actor.
using ActorProc;
using ActorProc.Core.Actors;

// 1. A pile of CPU work on every core, results in input order, failures captured per task.
await using var pool = WorkerPool.Create(new WorkerPoolOptions { MaxRetries = 2 });
var squares = await pool.MapAsync(Enumerable.Range(1, 10_000), n => (long)n * n);
Console.WriteLine($"sum of squares: {squares.Sum()}");

// 2. The same pool gives a full report: which inputs succeeded, which failed and why.
var report = await pool.RunAsync(new[] { "1", "2", "x", "4" }, int.Parse);
Console.WriteLine($"parsed {report.Succeeded} of {report.Total}; failed: {string.Join(", ", report.FailedTasks.Select(t => $"{t.Input} ({t.Exception?.GetType().Name})"))}");

// 3. Plain actors: state without locks, request/reply with Ask.
await using var system = ActorSystem.Create("embedding");
var counter = system.ActorOf(Props.Create<Counter>(), "counter");
for (var i = 0; i < 1000; i++) counter.Tell(new Counter.Add(1));
Console.WriteLine($"counter: {await counter.Ask<int>(new Counter.Get(), TimeSpan.FromSeconds(5))}");

/// <summary>Owns a number; messages are processed one at a time, so no lock is needed.</summary>
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
