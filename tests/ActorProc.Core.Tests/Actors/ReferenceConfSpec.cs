using ActorProc.Core.Actors;
using ActorProc.Core.Configuration;
using ActorProc.Core.Dispatch;
using ActorProc.Core.Events;
using ActorProc.Core.Mailboxes;
using ActorProc.TestKit.Internal;

namespace ActorProc.Core.Tests.Actors;

/// <summary>
/// reference.conf is the single source of defaults: every key the kernel reads is documented there, and the
/// values the code exposes are the ones it states.
/// </summary>
public sealed class ReferenceConfSpec
{
    private sealed class Idle : ReceiveActor
    {
        public Idle() => ReceiveAny(m => Sender.Tell(m, Self));
    }

    [Fact]
    public async Task Every_key_the_kernel_reads_exists_in_reference_conf()
    {
        ICollection<string> paths;
        using (ConfigReadRecorder.Start(out paths))
        {
            await using var system = ActorSystem.Create("keys", new ActorSystemSetup { Environment = new Dictionary<string, string?>() });
            _ = new TestKitSettings(system.Settings.Config);
            system.Mailboxes.RegisterPriority("keys-priority", _ => 0);
            foreach (var dispatcher in new[] { "default", "cpu", "pinned", "calling-thread" })
            foreach (var mailbox in new[] { MailboxRegistry.DefaultMailboxId, MailboxRegistry.BoundedMailboxId, "keys-priority" })
            {
                var actor = system.ActorOf(Props.Create<Idle>().WithDispatcher(dispatcher).WithMailbox(mailbox));
                Assert.Equal("ping", await actor.Ask<string>("ping", TimeSpan.FromSeconds(5)));
            }
            await system.Terminate();
        }

        Assert.NotEmpty(paths);
        var missing = paths.Where(p => !IsDocumented(ConfigurationFactory.Reference, p)).OrderBy(p => p).ToList();
        Assert.True(missing.Count == 0, "read by the kernel but not in reference.conf: " + string.Join(", ", missing));
        Assert.Contains("actorproc.actor.cpu-dispatcher.parallelism-factor", paths);
        Assert.Contains("actorproc.actor.bounded-mailbox.mailbox-capacity", paths);
    }

    /// <summary>
    /// A key is documented when reference.conf has it, or, for a dispatcher block (one with a <c>type</c>), when
    /// <c>dispatcher-defaults</c> has it: dispatcher blocks are read over those defaults by design.
    /// </summary>
    private static bool IsDocumented(Config reference, string path)
    {
        if (reference.HasPath(path)) return true;
        var dot = path.LastIndexOf('.');
        if (dot < 0) return false;
        var block = path[..dot];
        return reference.HasPath(block + ".type") && reference.HasPath("actorproc.actor.dispatcher-defaults" + path[dot..]);
    }

    [Fact]
    public async Task The_settings_the_code_exposes_are_the_defaults_in_reference_conf()
    {
        await using var system = ActorSystem.Create("defaults", new ActorSystemSetup { Environment = new Dictionary<string, string?>() });
        var settings = system.Settings;
        Assert.Equal(TimeSpan.FromSeconds(30), settings.AskTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.ShutdownTimeout);
        Assert.Equal(LogLevel.Info, settings.LogLevel);
        Assert.Equal(10, settings.LogDeadLetters);
        Assert.False(settings.LogDeadLettersDuringShutdown);
        Assert.Equal(TimeSpan.FromMinutes(5), settings.LogDeadLettersSuspendDuration);
        Assert.Equal("restart", settings.GuardianSupervisorStrategy);
        Assert.Equal(Dispatchers.DefaultDispatcherId, settings.DefaultDispatcherId);

        Assert.Equal(100, system.Dispatchers.Lookup("default").Throughput);
        var cpu = Assert.IsType<DedicatedThreadDispatcher>(system.Dispatchers.Lookup("cpu"));
        Assert.Equal(100, cpu.Throughput);
        Assert.Equal(Math.Clamp(Environment.ProcessorCount, 1, 64), cpu.ThreadCount); // factor 1.0, min 1, max 64
        Assert.Equal(1.0, ConfigurationFactory.Reference.GetDouble("actorproc.actor.cpu-dispatcher.parallelism-factor"));
        Assert.Equal(1000, ConfigurationFactory.Reference.GetInt("actorproc.actor.bounded-mailbox.mailbox-capacity"));

        var test = new TestKitSettings(system.Settings.Config);
        Assert.Equal(1.0, test.TimeFactor);
        Assert.Equal(TimeSpan.FromSeconds(3), test.SingleExpectDefault);
        Assert.Equal(TimeSpan.FromMilliseconds(100), test.ExpectNoMessageDefault);
        Assert.Equal(TimeSpan.FromSeconds(5), test.DefaultTimeout);
    }

    [Fact]
    public async Task The_default_bounded_mailbox_holds_exactly_1000_messages()
    {
        await using var system = ActorSystem.Create("capacity", new ActorSystemSetup { Environment = new Dictionary<string, string?>() });
        using var release = new SemaphoreSlim(0);
        var dropped = new List<object>();
        using var letters = system.EventStream.Subscribe<DeadLetter>(d => { lock (dropped) dropped.Add(d.Message); });
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = system.ActorOf(Props.Create(() => new HeldOnce(entered, release)).WithMailbox(MailboxRegistry.BoundedMailboxId));
        held.Tell("hold", null);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(5));
        using (system.Logging.Mute(_ => true))
            for (var i = 0; i < 1001; i++) held.Tell(i, null);
        lock (dropped) Assert.Equal(new object[] { 1000 }, dropped);
        release.Release();
    }

    /// <summary>Holds its mailbox (an async handler) on the first message until released.</summary>
    private sealed class HeldOnce : ReceiveActor
    {
        public HeldOnce(TaskCompletionSource entered, SemaphoreSlim release)
        {
            ReceiveAsync<string>(async _ =>
            {
                entered.TrySetResult();
                await release.WaitAsync();
            });
            ReceiveAny(_ => { });
        }
    }
}
