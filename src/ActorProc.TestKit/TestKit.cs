using System.Text;
using ActorProc.TestKit.Internal;

namespace ActorProc.TestKit;

/// <summary>
/// Base class of actor tests. xunit creates one instance per test, so every test gets a fresh
/// <see cref="ActorSystem"/> (<see cref="Sys"/>) with a default probe (<see cref="TestActor"/>), and
/// <see cref="Dispose()"/> terminates it afterwards. The expectation methods (<see cref="ExpectMsg{T}(TimeSpan?)"/>,
/// <see cref="ExpectNoMsg"/>, <see cref="ExpectTerminated"/>, ...) assert on the messages the default probe
/// receives; <see cref="CreateTestProbe"/> makes more probes; <see cref="EventFilter"/> asserts on (and
/// silences) log events and dead letters; <see cref="Within"/> and <see cref="AwaitAssert"/> bound time.
/// Every timeout is multiplied by <c>actorproc.test.timefactor</c> (environment:
/// <c>ACTORPROC__TEST__TIMEFACTOR</c>) so slow machines can stretch them without code changes.
/// <para>
/// Concurrency contract: a TestKit belongs to one test; its expectations are meant for the test's own flow
/// (the synchronous ones block it, which is safe because the test thread is never a dispatcher thread). Actors may send to its
/// probes from any thread. <see cref="Dispose()"/> runs once.
/// </para>
/// <para>
/// Test namespaces under <c>ActorProc.</c> see the namespace <c>ActorProc.TestKit</c> before any using
/// directive, so derive as <c>: TestKit.TestKit</c>, or put <c>using ActorProc.TestKit;</c> after the file's
/// <c>namespace</c> line.
/// </para>
/// </summary>
public abstract partial class TestKit : IDisposable
{
    private readonly TestKitContext _context;
    private readonly TestProbe _testActor;
    private int _probeCounter;
    private int _disposed;

    /// <summary>Creates the test system from HOCON text laid over reference.conf.</summary>
    /// <param name="config">HOCON overriding reference.conf (e.g. <c>"actorproc.loglevel = DEBUG"</c>); null for the defaults.</param>
    /// <param name="systemName">The system's name; null = the test class's name (sanitized).</param>
    /// <exception cref="ConfigurationException">The HOCON is malformed or invalid.</exception>
    protected TestKit(string? config = null, string? systemName = null)
        : this(new ActorSystemSetup { Config = config is null ? null : Config.Parse(config, "TestKit config") }, systemName)
    {
    }

    /// <summary>Creates the test system from a parsed configuration laid over reference.conf.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="config"/> is null.</exception>
    protected TestKit(Config config, string? systemName = null)
        : this(new ActorSystemSetup { Config = config ?? throw new ArgumentNullException(nameof(config)) }, systemName)
    {
    }

    /// <summary>Creates the test system from a full setup (config, logger factory, clock such as <see cref="ManualTimeProvider"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="setup"/> is null.</exception>
    protected TestKit(ActorSystemSetup setup, string? systemName = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var system = ActorSystem.Create(systemName ?? SanitizedName(GetType().Name), setup);
        try
        {
            _context = new TestKitContext(system, new TestKitSettings(system.Settings.Config));
            _testActor = new TestProbe(_context, "testActor");
            EventFilter = new EventFilterFactory(_context);
        }
        catch
        {
            // Do not leak a running system when the kit cannot be built (e.g. a bad timefactor).
            _ = system.Terminate();
            throw;
        }
    }

    /// <summary>The actor system of this test.</summary>
    public ActorSystem Sys => _context.System;

    /// <summary>The default probe's ref: pass it as a sender or collaborator, then assert with the Expect methods of this class.</summary>
    public IActorRef TestActor => _testActor;

    /// <summary>Builds log-event and dead-letter expectations (<c>EventFilter.Exception&lt;T&gt;().ExpectOne(...)</c>).</summary>
    public EventFilterFactory EventFilter { get; }

    /// <summary>The sender of the last message the default probe received.</summary>
    /// <exception cref="InvalidOperationException">No message was received yet.</exception>
    public IActorRef LastSender => _testActor.LastSender;

    /// <summary>The time factor (<c>actorproc.test.timefactor</c>) all timeouts are multiplied by.</summary>
    public double TimeFactor => _context.Settings.TimeFactor;

    /// <summary>Creates another probe (an actor under <c>/system</c> that records what it receives).</summary>
    /// <param name="name">Its actor name; null = <c>testProbe-N</c>.</param>
    /// <exception cref="InvalidActorNameException">The name is invalid or taken.</exception>
    public TestProbe CreateTestProbe(string? name = null) =>
        new(_context, name ?? $"testProbe-{Interlocked.Increment(ref _probeCounter)}");

    /// <summary>Multiplies <paramref name="duration"/> by the time factor.</summary>
    public TimeSpan Dilated(TimeSpan duration) => _context.Settings.Dilate(duration);

    /// <summary>Terminates the test system and waits for it, at most <c>actorproc.test.default-timeout</c>; it never hangs and never fails the test (it warns instead).</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Terminates the system when <paramref name="disposing"/>; override to clean up more (call the base).</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing || Interlocked.Exchange(ref _disposed, 1) != 0) return;
        var limit = _context.Settings.DefaultTimeout;
        try
        {
            // Blocking the test thread is safe here: see Sync. The wait is bounded in real time because
            // the system's own shutdown deadline runs on its TimeProvider, which a test may have frozen.
            var result = Sync.Run(Sys.Terminate().WaitAsync(limit));
            if (result.Forced)
                Sys.Log.Warning("TestKit: actors did not stop within the shutdown timeout and were stopped forcibly: {0}", string.Join(", ", result.OverranActors));
        }
        catch (TimeoutException)
        {
            Sys.Log.Warning("TestKit: actor system {0} did not terminate within {1}; the test goes on without waiting", Sys.Name, TestKitContext.Ms(limit));
        }
    }

    /// <summary>Turns a class name into a valid actor-system name (ASCII letters, digits, '-' and '_').</summary>
    internal static string SanitizedName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        var sanitized = builder.ToString().TrimStart('-', '_');
        return sanitized.Length == 0 ? "test" : sanitized;
    }
}
