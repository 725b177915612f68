namespace ActorProc.Core.Routing;

/// <summary>
/// One random routee first, then another every interval until a reply arrives, every routee has been tried,
/// or the deadline passes (see <see cref="FirstReplyCollector"/>). Concurrency contract: stateless; each
/// message gets its own <see cref="Chop"/>, whose steps run one after another on timer threads.
/// </summary>
internal sealed class TailChoppingRoutingLogic(TimeSpan within, TimeSpan interval) : RoutingLogic
{
    public override void Send(object message, IActorRef? sender, RouteeSnapshot routees, RouterState router)
    {
        var members = routees.Members;
        if (members.Length == 0)
        {
            router.NoRoutee(message, sender);
            return;
        }
        var order = (IActorRef[])members.Clone();
        Random.Shared.Shuffle(order);
        var payload = Payload(message);
        var collector = new FirstReplyCollector(router.System, sender, router.Self, within, payload.GetType().Name);
        collector.StartDeadline();
        new Chop(router.System.Scheduler, order, payload, collector, interval).Step();
    }

    /// <summary>One request's progress through the shuffled routees.</summary>
    private sealed class Chop(IScheduler scheduler, IActorRef[] order, object payload, FirstReplyCollector collector, TimeSpan interval)
    {
        /// <summary>Next routee to try; steps never overlap (each is scheduled by the previous one), so a plain field suffices.</summary>
        private int _next;

        public void Step()
        {
            if (collector.IsTerminated || _next >= order.Length) return;
            order[_next++].Tell(payload, collector);
            if (_next < order.Length) collector.SetNextStep(scheduler.ScheduleOnce(interval, Step));
        }
    }
}
