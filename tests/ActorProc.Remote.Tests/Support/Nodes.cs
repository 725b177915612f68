using ActorProc.Core.Actors;
using ActorProc.Core.Configuration;
using ActorProc.Core.Events;

namespace ActorProc.Remote.Tests.Support;

/// <summary>
/// Creates remoting nodes on loopback with ephemeral ports and test-friendly timings (fast heartbeats, a failure
/// detector that gives up after about a second), and terminates them when the test is disposed.
/// </summary>
public sealed class Nodes : IAsyncDisposable
{
    public const string Secret = "test-secret-7f3a9c";

    private readonly List<ActorSystem> _systems = [];

    public static string Hocon(string secret = Secret, int port = 0, string extra = "") => $$"""
        actorproc.log-dead-letters = off
        actorproc.loglevel = WARNING
        actorproc.coordinated-shutdown.timeout = 5s
        actorproc.remote {
          hostname = "127.0.0.1"
          port = {{port}}
          secret = "{{secret}}"
          heartbeat-interval = 100ms
          system-message-resend-interval = 200ms
          reconnect.min-backoff = 50ms
          reconnect.max-backoff = 500ms
          failure-detector {
            threshold = 8.0
            acceptable-heartbeat-pause = 1s
            first-heartbeat-estimate = 200ms
            min-std-deviation = 50ms
          }
        }
        {{extra}}
        """;

    /// <summary>Starts a node; <paramref name="configure"/> runs before remoting starts (e.g. to register types).</summary>
    public Remoting Start(string name, string extra = "", string secret = Secret, int port = 0)
    {
        var system = ActorSystem.Create(name, Config.Parse(Hocon(secret, port, extra)));
        _systems.Add(system);
        var remoting = system.UseRemoting();
        remoting.AllowDeployment<EchoActor>();
        remoting.Serialization.Register<Greeting>("test.greeting");
        remoting.Serialization.Register<Numbered>("test.numbered");
        return remoting;
    }

    /// <summary>Collects every dead letter of <paramref name="system"/>.</summary>
    public static System.Threading.Channels.Channel<DeadLetter> DeadLetters(ActorSystem system)
    {
        var channel = System.Threading.Channels.Channel.CreateUnbounded<DeadLetter>();
        system.EventStream.Subscribe<DeadLetter>(d => channel.Writer.TryWrite(d));
        return channel;
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_systems.Select(s => s.Terminate()));
        foreach (var system in _systems)
        {
            var remoting = Remoting.Get(system);
            await remoting.WhenStopped.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}

/// <summary>A JSON message with a ref inside, to check that refs round-trip.</summary>
public sealed record Greeting(string Text, IActorRef ReplyTo);

/// <summary>A JSON message with a sequence number, for ordering tests.</summary>
public sealed record Numbered(int N);

/// <summary>Replies with the message; "path" is answered with its own path, "crash" throws, "forward:X" forwards X to the sender's ReplyTo.</summary>
public sealed class EchoActor : ReceiveActor
{
    public EchoActor()
    {
        Receive<string>(_ => Sender.Tell(Self.Path.ToString(), Self), s => s == "path");
        Receive<string>(_ => throw new InvalidOperationException("crash requested"), s => s == "crash");
        Receive<Greeting>(g => g.ReplyTo.Tell("hello " + g.Text, Self));
        ReceiveAny(m => Sender.Tell(m, Self));
    }

    protected override void PostRestart(Exception reason) => Context.Parent.Tell("restarted:" + reason.Message, Self);
}
