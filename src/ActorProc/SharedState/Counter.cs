namespace ActorProc.SharedState;

/// <summary>
/// Shared state without locks: the value belongs to this actor alone, and everyone else changes it
/// by sending <see cref="Increment"/> messages, which the actor applies one at a time. This is the
/// actor answer to the classic race where many threads run <c>sum += 1</c> on a shared variable and
/// lose updates: no update is ever lost, and no lock is taken, because only one thread at a time ever
/// touches the value. Ask it for the value with <see cref="GetCount"/> (replies are ordered after the
/// increments the same sender sent before).
/// <code>
/// var counter = system.ActorOf(Counter.Props(), "hits");
/// Parallel.For(0, 1_000, _ => counter.Tell(Increment.One));
/// var hits = await counter.Ask&lt;long&gt;(GetCount.Instance);   // 1,000 once all increments arrived
/// </code>
/// To go faster, batch: <c>counter.Tell(new Increment(1_000))</c> once per thousand events.
/// </summary>
public sealed class Counter : ReceiveActor
{
    private long _value;

    /// <summary>Creates the counter; use <see cref="Props(long)"/> with <c>ActorOf</c>.</summary>
    /// <param name="initial">The starting value.</param>
    public Counter(long initial = 0)
    {
        _value = initial;
        Receive<Increment>(increment => _value += increment.By);
        Receive<GetCount>(_ => Sender.Tell(_value, Self));
    }

    /// <summary>Props for a counter starting at <paramref name="initial"/>.</summary>
    public static Props Props(long initial = 0) => Akka.Actor.Props.Create(() => new Counter(initial));
}
