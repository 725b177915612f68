using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ActorProc.Core.Actors;

/// <summary>
/// A hierarchy of actors with shared configuration, dispatchers, scheduler, event stream and dead
/// letters. Create one per application (or per test) with <see cref="Create(string, Config?)"/>, spawn
/// top-level actors with <see cref="ActorOf"/>, and shut it down with <see cref="Terminate"/> (or
/// <c>await using</c>), which stops every actor, children before parents.
/// <para>
/// Concurrency contract: all public members are thread-safe. Termination is initiated once
/// (<see cref="_terminating"/> is set with CAS) and completes exactly once, either when the root
/// guardian stops or when the shutdown deadline forces it.
/// </para>
/// </summary>
public sealed partial class ActorSystem : IAsyncDisposable
{
    private static readonly Regex ValidName = new("^[A-Za-z0-9][A-Za-z0-9_-]*$", RegexOptions.Compiled);

    private readonly TaskCompletionSource<ShutdownResult> _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActorCell _rootCell;
    private readonly LocalActorRef _userGuardian;
    private readonly LocalActorRef _systemGuardian;
    private long _tempCounter;
    private int _terminating;
    private long _terminateStartTicks;
    private ITimer? _shutdownDeadline;

    private ActorSystem(string name, ActorSystemSetup setup)
    {
        Name = name;
        TimeProvider = setup.TimeProvider;
        Settings = new ActorSystemSettings(ConfigurationFactory.Load(setup.Config, setup.Environment));
        Address = new Address(Address.LocalProtocol, name);
        EventStream = new EventStream();
        Logging = new LoggingBus(EventStream, Settings.LogLevel, setup.LoggerFactory);
        Log = Logging.GetLogger($"ActorSystem({name})", typeof(ActorSystem));
        Scheduler = new TimeProviderScheduler(TimeProvider);
        Dispatchers = new Dispatchers(this);
        Mailboxes = new MailboxRegistry(this);
        Deployer = new Deployer(Settings.Config);
        var rootPath = ActorPath.Root(Address);
        DeadLetterRef = new DeadLetterActorRef(this, rootPath.Child("deadLetters"));
        _ = new DeadLetterListener(this, Settings.LogDeadLetters, Settings.LogDeadLettersSuspendDuration, Settings.LogDeadLettersDuringShutdown);

        var sentinel = new RootSentinel(this, rootPath.Child("bubble-walker"));
        _rootCell = new ActorCell(this, Props.Create(() => new RootGuardian()).WithSupervisorStrategy(SupervisorStrategy.StoppingStrategy),
            sentinel, rootPath, Mailboxes.Create(null, rootPath), Dispatchers.Lookup(Dispatchers.DefaultDispatcherId));
        _rootCell.Start();
        _systemGuardian = (LocalActorRef)_rootCell.CreateChild(Props.Create(() => new Guardian()), "system");
        _userGuardian = (LocalActorRef)_rootCell.CreateChild(Props.Create(() => new Guardian()).WithSupervisorStrategy(GuardianStrategy(Settings.GuardianSupervisorStrategy)), "user");
        _rootCell.Self.Tell(new RootGuardian.WatchGuardians(_userGuardian, _systemGuardian), null);
    }

    /// <summary>Creates an actor system configured by <paramref name="config"/> over reference.conf.</summary>
    /// <exception cref="ArgumentException">The name is empty or contains characters other than letters, digits, '-' and '_'.</exception>
    /// <exception cref="ConfigurationException">The configuration is invalid (the message names the key).</exception>
    public static ActorSystem Create(string name, Config? config = null) => Create(name, new ActorSystemSetup { Config = config });

    /// <summary>Creates an actor system configured by the HOCON text <paramref name="hocon"/> over reference.conf.</summary>
    /// <exception cref="ConfigurationException">The HOCON is malformed (file, line and column are given) or invalid.</exception>
    public static ActorSystem Create(string name, string hocon) => Create(name, Config.Parse(hocon));

    /// <summary>Creates an actor system from a full setup (config, logger factory, clock).</summary>
    /// <exception cref="ArgumentException">The name is invalid.</exception>
    /// <exception cref="ConfigurationException">The configuration is invalid.</exception>
    public static ActorSystem Create(string name, ActorSystemSetup setup)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(setup);
        if (!ValidName.IsMatch(name))
            throw new ArgumentException($"Actor system name '{name}' is invalid: use ASCII letters, digits, '-' and '_', starting with a letter or digit.", nameof(name));
        return new ActorSystem(name, setup);
    }

    /// <summary>The system's name.</summary>
    public string Name { get; }

    /// <summary>The address of this system (<c>actorproc://name</c> locally).</summary>
    public Address Address { get; internal set; }

    /// <summary>Settings read from configuration.</summary>
    public ActorSystemSettings Settings { get; }

    /// <summary>The publish/subscribe bus for dead letters, log events and user events.</summary>
    public EventStream EventStream { get; }

    /// <summary>The logging bus (levels, sinks, muting).</summary>
    public LoggingBus Logging { get; }

    /// <summary>The system's own logger.</summary>
    public ILoggingAdapter Log { get; }

    /// <summary>Sends messages later or periodically.</summary>
    public IScheduler Scheduler { get; }

    /// <summary>The clock used by the scheduler and by supervision windows.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The dispatchers by id.</summary>
    public Dispatchers Dispatchers { get; }

    /// <summary>The mailbox types by id.</summary>
    public MailboxRegistry Mailboxes { get; }

    /// <summary>The dead-letter office: messages told to it are published as <see cref="DeadLetter"/>.</summary>
    public IActorRef DeadLetters => DeadLetterRef;

    /// <summary>Completes when the system has terminated.</summary>
    public Task WhenTerminated => _terminated.Task;

    /// <summary>True once <see cref="Terminate"/> was called.</summary>
    public bool IsTerminating => Volatile.Read(ref _terminating) != 0;

    internal DeadLetterActorRef DeadLetterRef { get; }
    internal Deployer Deployer { get; }
    internal ActorCell RootCell => _rootCell;
    internal ActorCell UserGuardianCell => _userGuardian.Cell;
    internal ActorCell SystemGuardianCell => _systemGuardian.Cell;

    /// <summary>Creates a top-level actor under <c>/user</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="props"/> is null.</exception>
    /// <exception cref="InvalidActorNameException">The name is invalid or taken.</exception>
    /// <exception cref="ActorSystemTerminatedException">The system is shutting down.</exception>
    public IActorRef ActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        ThrowIfTerminating(name);
        return _userGuardian.Cell.ActorOf(props, name);
    }

    /// <summary>Creates a system actor under <c>/system</c> (for runtime extensions, not user code).</summary>
    /// <exception cref="ActorSystemTerminatedException">The system is shutting down.</exception>
    public IActorRef SystemActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        ThrowIfTerminating(name);
        return _systemGuardian.Cell.ActorOf(props, name);
    }

    /// <summary>Looks up actors by path: absolute (<c>/user/a/b</c> or <c>actorproc://name/user/a</c>), with <c>*</c> and <c>?</c> wildcards per element.</summary>
    public ActorSelection ActorSelection(string path) => Actors.ActorSelection.Create(this, _rootCell.Self.Path, path);

    /// <summary>Stops an actor asynchronously (its children first); Terminated reaches its watchers when done.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is null.</exception>
    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is IInternalActorRef internalRef) internalRef.Stop();
    }

    /// <summary>
    /// Stops every actor (deepest first, running PostStop everywhere) and completes
    /// <see cref="WhenTerminated"/>. Actors still running after <c>actorproc.coordinated-shutdown.timeout</c>
    /// are stopped forcibly and named in the result. Safe to call more than once.
    /// </summary>
    public Task<ShutdownResult> Terminate()
    {
        if (Interlocked.CompareExchange(ref _terminating, 1, 0) == 0)
        {
            Volatile.Write(ref _terminateStartTicks, Stopwatch.GetTimestamp());
            _shutdownDeadline = TimeProvider.CreateTimer(static s => ((ActorSystem)s!).ForceShutdown(), this, Settings.ShutdownTimeout, Timeout.InfiniteTimeSpan);
            _userGuardian.Stop();
        }
        return _terminated.Task;
    }

    /// <summary>Terminates the system and waits for it.</summary>
    public async ValueTask DisposeAsync() => await Terminate().ConfigureAwait(false);

    /// <inheritdoc />
    public override string ToString() => $"ActorSystem({Name})";

    /// <summary>
    /// A random incarnation uid: unique with overwhelming probability, and unlike a shared counter it
    /// costs no cache-line contention when many threads spawn actors at once.
    /// </summary>
    internal static long NextUid() => Random.Shared.NextInt64(1, long.MaxValue);

    internal ActorPath NextTempPath() => _rootCell.Self.Path.Child("temp").Child("$" + ActorNames.Base64(Interlocked.Increment(ref _tempCounter)));

    /// <summary>Reports a bug in the kernel (an exception that escaped an actor's turn) without crashing.</summary>
    internal void ReportKernelFailure(IActorRef actor, Exception e) =>
        Log.Error(e, "Internal error while running {0}; the actor's turn was abandoned", actor);

    private void ThrowIfTerminating(string? name)
    {
        if (IsTerminating)
            throw new ActorSystemTerminatedException($"Cannot create actor '{name ?? "(generated name)"}': actor system '{Name}' is terminating.");
    }

    private static SupervisorStrategy GuardianStrategy(string name) => name switch
    {
        "stop" => SupervisorStrategy.StoppingStrategy,
        "escalate" => new OneForOneStrategy(_ => Directive.Escalate),
        _ => SupervisorStrategy.DefaultStrategy,
    };
}
