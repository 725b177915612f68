using System.Collections.Concurrent;
using ActorProc.Core.Actors;
using ActorProc.Core.Routing;

namespace ActorProc.Core.Tests.Routing;

/// <summary>Helpers shared by the router specs (the TestKit is not available to them yet).</summary>
internal static class RoutingTestSupport
{
    /// <summary>Bounds every wait; only reached when a test fails.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static async Task<IReadOnlyList<IActorRef>> RouteesOf(IActorRef router) =>
        (await router.Ask<Routees>(GetRoutees.Instance, Patience)).Members;

    /// <summary>Polls <paramref name="condition"/> until it holds; fails after <see cref="Patience"/>.</summary>
    public static async Task AwaitCondition(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out after {Patience} waiting until {what}.");
            await Task.Delay(10);
        }
    }

    /// <summary>
    /// Polls the router's routee count until <paramref name="predicate"/> holds, running
    /// <paramref name="beforeEachPoll"/> first each time (e.g. to drive a resizer); returns the last count.
    /// </summary>
    public static async Task<int> AwaitRouteeCount(IActorRef router, Func<int, bool> predicate, string what, Func<Task>? beforeEachPoll = null)
    {
        var count = -1;
        await AwaitCondition(async () =>
        {
            if (beforeEachPoll is not null) await beforeEachPoll();
            return predicate(count = (await RouteesOf(router)).Count);
        }, what);
        return count;
    }

    /// <summary>Completes when <paramref name="target"/> has terminated (watched by a helper actor).</summary>
    public static Task<Terminated> WatchTermination(ActorSystem system, IActorRef target)
    {
        var terminated = new TaskCompletionSource<Terminated>(TaskCreationOptions.RunContinuationsAsynchronously);
        var watching = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        system.ActorOf(Props.Create(() => new Watcher(target, terminated, watching)));
        return watching.Task.ContinueWith(_ => terminated.Task, TaskScheduler.Default).Unwrap();
    }

    public static async Task<T> Within<T>(Task<T> task) => await task.WaitAsync(Patience);

    public static async Task Within(Task task) => await task.WaitAsync(Patience);

    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef target, TaskCompletionSource<Terminated> terminated, TaskCompletionSource watching)
        {
            Context.Watch(target);
            watching.SetResult();
            Receive<Terminated>(t => terminated.TrySetResult(t));
        }
    }
}

/// <summary>Counts messages per routee name; completes <see cref="AllReceived"/> once the expected total has arrived.</summary>
internal sealed class Tally(int expected)
{
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _total;

    public ConcurrentDictionary<string, int> PerRoutee { get; } = new();

    public Task AllReceived => _all.Task;

    public void Record(string routee)
    {
        PerRoutee.AddOrUpdate(routee, 1, (_, n) => n + 1);
        if (Interlocked.Increment(ref _total) == expected) _all.TrySetResult();
    }
}

/// <summary>A routee that records every message it receives in a <see cref="Tally"/>.</summary>
internal sealed class CountingRoutee : ReceiveActor
{
    public CountingRoutee(Tally tally) => ReceiveAny(_ => tally.Record(Self.Path.Name));
}

/// <summary>A routee that answers every message with its own name.</summary>
internal sealed class NameReplier : ReceiveActor
{
    public NameReplier() => ReceiveAny(_ => Sender.Tell(Self.Path.Name, Self));
}
