using System.Runtime.CompilerServices;

namespace ActorProc.Core.Actors;

/// <summary>
/// The runtime half of an actor: its mailbox, current instance, behaviour, children, watchers and
/// failure state. The user's <see cref="ActorBase"/> is the other half and is replaced on restart.
/// <para>
/// Concurrency contract: every method here runs on the mailbox's runner thread (one at a time),
/// except the ones documented otherwise: child creation (name reservation) and the
/// children snapshot (guarded by the children lock, because <c>system.ActorOf</c> creates top-level
/// actors from any thread), and the volatile <see cref="IsTerminated"/>. The thread-static
/// <see cref="Current"/> names the cell whose message is being processed on this thread.
/// </para>
/// </summary>
internal sealed partial class ActorCell : IActorContext
{
    [ThreadStatic] private static ActorCell? _current;
    [ThreadStatic] private static ActorCell? _creating;

    private ActorBase? _actor;

    /// <summary>The behaviour set by Become; null means the actor's own <c>Receive</c> (saves a delegate per actor).</summary>
    private Receive? _behavior;
    private Envelope _currentEnvelope;
    private volatile bool _terminated;

    public ActorCell(ActorSystem system, Props props, IInternalActorRef parent, ActorPath path, Mailbox mailbox, MessageDispatcher dispatcher)
    {
        System = system;
        Props = props;
        Parent = parent;
        Mailbox = mailbox;
        Uid = ActorSystem.NextUid();
        Self = new LocalActorRef(path, this);
        mailbox.SetActor(this, dispatcher);
    }

    /// <summary>The cell whose mailbox turn runs on this thread, if any (set for the whole turn by the mailbox).</summary>
    public static ActorCell? Current => _current;

    /// <summary>The cell whose actor instance is being constructed on this thread (read by <see cref="ActorBase"/>'s constructor).</summary>
    public static ActorCell? CreatingCell => _creating;

    public ActorSystem System { get; }
    public Props Props { get; }
    public IInternalActorRef Parent { get; }
    IActorRef IActorContext.Parent => Parent;
    public LocalActorRef Self { get; }
    IActorRef IActorContext.Self => Self;
    public Mailbox Mailbox { get; }
    public MessageDispatcher Dispatcher => Mailbox.Dispatcher;
    public long Uid { get; }
    public bool IsTerminated => _terminated;
    public ActorBase? Actor => _actor;

    /// <summary>Number of user messages delivered so far, wrapping (identifies the current delivery; an int packs with the flags).</summary>
    public int DeliveryCount { get; private set; }

    /// <summary>The message being processed (null between messages).</summary>
    public object? CurrentMessage => _currentEnvelope.Message;

    public IActorRef Sender => _currentEnvelope.Sender ?? System.DeadLetters;

    /// <summary>Starts the actor: attaches it to its dispatcher and schedules its creation before anything else.</summary>
    public void Start()
    {
        Dispatcher.Attach(this);
        Mailbox.ScheduleCreate();
    }

    /// <summary>Processes one user message (runner thread).</summary>
    public void Invoke(in Envelope envelope)
    {
        _currentEnvelope = envelope;
        DeliveryCount++;
        try
        {
            var message = envelope.Message;
            if (message is IAutoReceivedMessage) AutoReceiveMessage(message);
            else if (message is TimerMessage timer) ReceiveTimerMessage(timer);
            else ReceiveMessage(message);
            if (_extras?.ReceiveTimeout is not null && message is not INotInfluenceReceiveTimeout) RescheduleReceiveTimeout();
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
        }
        finally
        {
            _currentEnvelope = default;
        }
    }

    /// <summary>Runs the current behaviour; unhandled messages go to the actor's <c>Unhandled</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ReceiveMessage(object message)
    {
        var handled = _behavior is { } behavior ? behavior(message) : _actor!.Receive(message);
        if (!handled) _actor!.InvokeUnhandled(message);
    }

    private void AutoReceiveMessage(object message)
    {
        switch (message)
        {
            case Terminated terminated:
                ReceivedTerminated(terminated);
                break;
            case PoisonPill:
                Stop(Self);
                break;
            case Kill:
                throw new ActorKilledException($"Kill requested for {Self}");
            case Identify identify:
                Sender.Tell(new ActorIdentity(identify.MessageId, Self), Self);
                break;
            case ReceiveTimeoutTick tick:
                ReceivedTimeoutTick(tick);
                break;
            case CustomTerminated custom:
                ReceivedCustomTerminated(custom);
                break;
            default:
                ReceiveMessage(message);
                break;
        }
    }

    /// <summary>Processes one system message (runner thread).</summary>
    public void SystemInvoke(SystemMessage message)
    {
        try
        {
            switch (message)
            {
                case Create: CreateActor(); break;
                case Watch watch: AddWatcher(watch.Watchee, watch.Watcher); break;
                case Unwatch unwatch: RemoveWatcher(unwatch.Watchee, unwatch.Watcher); break;
                case DeathWatchNotification dwn: WatchedActorTerminated(dwn); break;
                case Failed failed: HandleFailedChild(failed); break;
                case Recreate recreate: FaultRecreate(recreate.Cause); break;
                case Suspend: FaultSuspend(); break;
                case Resume resume: FaultResume(resume.CausedByFailure); break;
                case Terminate: BeginTerminate(); break;
                case Supervise: break; // local children are registered when created
                case RunContinuation continuation: RunContinuation(continuation); break;
                case AsyncHandlerCompleted completed: AsyncHandlerFinished(completed.Task); break;
                default:
                    System.Log.Warning("{0} received an unknown system message {1}", Self, message);
                    break;
            }
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
        }
    }

    /// <summary>
    /// Marks this cell as the one running on the current thread for the length of a mailbox turn
    /// (once per turn rather than per message); returns the previous one for <see cref="ExitTurn"/>.
    /// </summary>
    public ActorCell? EnterTurn()
    {
        var previous = _current;
        _current = this;
        return previous;
    }

    /// <summary>Ends a turn started with <see cref="EnterTurn"/>.</summary>
    public static void ExitTurn(ActorCell? previous) => _current = previous;

    /// <summary>Creates a new actor instance with this cell as its context.</summary>
    private ActorBase NewActor()
    {
        var previous = _creating;
        _creating = this;
        try
        {
            if (_extras is { } extras) extras.BehaviorStack = null;
            _behavior = null;
            var actor = Props.Factory() ?? throw new ActorInitializationException(Self, $"The factory of {Props} returned null for {Self}.", null);
            if (actor.Cell != this) throw new ActorInitializationException(Self, $"The factory of {Props} returned an actor that belongs to another cell; factories must create a new instance on every call.", null);
            InjectServices(actor);
            return actor;
        }
        finally
        {
            _creating = previous;
        }
    }

    private void CreateActor()
    {
        // The mailbox was born suspended so that no user message runs before the instance exists.
        Mailbox.Resume();
        try
        {
            _actor = NewActor();
            _actor.AroundPreStart();
        }
        catch (Exception e)
        {
            var cause = e as ActorInitializationException ?? new ActorInitializationException(Self, $"Exception while creating {Self}: {e.Message}", e);
            HandleInvokeFailure(cause);
        }
    }

    // ---- behaviour ----

    public void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        _behavior = receive;
    }

    public void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        (Extras.BehaviorStack ??= new Stack<Receive>()).Push(_behavior ?? _actor!.Receive);
        _behavior = receive;
    }

    public void UnbecomeStacked()
    {
        if (_extras?.BehaviorStack is { Count: > 0 } stack) _behavior = stack.Pop();
    }

    /// <summary>Returns to the actor's own <c>Receive</c> (used by ReceiveActor.Become, which swaps its handler list instead).</summary>
    internal void BecomeOwnReceive() => _behavior = null;

    public ActorSelection ActorSelection(string path) => Actors.ActorSelection.Create(System, Self.Path, path);

    public ILoggingAdapter GetLogger() => System.Logging.GetLogger(Self.Path.ToString(), _actor?.GetType() ?? Props.ActorType);

    /// <summary>A bounded mailbox rejected a message: it goes to dead letters with a reason.</summary>
    public void OnMailboxOverflow(in Envelope envelope)
    {
        System.EventStream.Publish(new DeadLetter(envelope.Message, envelope.Sender ?? Nobody.Instance, Self) { Reason = "mailbox full" });
    }

    public override string ToString() => $"ActorCell({Self.Path})";
}
