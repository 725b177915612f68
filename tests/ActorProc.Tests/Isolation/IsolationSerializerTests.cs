using System.Runtime.Serialization;
using ActorProc.Isolation;
using Akka.Configuration;

namespace ActorProc.Tests.Isolation;

/// <summary>The wire format between a pool and its worker processes: round trips, bindings, hostile payloads; and how exits are named.</summary>
public sealed class IsolationSerializerTests : IAsyncLifetime
{
    private readonly ActorSystem _system = ActorSystem.Create("isolation-wire", ConfigurationFactory.ParseString(WorkerIsolation.LoopbackRemoteConfig));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _system.Terminate();

    public static TheoryData<object> Messages => new()
    {
        new RegisterWorker("a1b2", 4242),
        WorkerAccepted.Instance,
        new RunTasks("secret", [new TaskRequest(1, "sumsq", "1000000"), new TaskRequest(long.MaxValue, "hash-sha256", "/tmp/ü ñ.txt")]),
        new RunTasks("secret", []),
        new TaskReplies(new TaskReply(7, "\"42\"", null, null, 512)),
        new TaskReplies([new TaskReply(8, null, "System.FormatException", "The input 'x' was not in a correct format."), new TaskReply(9, "1", null, null, long.MaxValue)]),
        new TaskReplies([]),
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Every_message_is_bound_to_the_isolation_serializer_and_round_trips(object message)
    {
        var serializer = Assert.IsType<IsolationSerializer>(_system.Serialization.FindSerializerFor(message));
        Assert.Equal(IsolationSerializer.Id, serializer.Identifier);

        var back = serializer.FromBinary(serializer.ToBinary(message), serializer.Manifest(message));

        if (message is RunTasks tasks)
        {
            var read = Assert.IsType<RunTasks>(back);
            Assert.Equal(tasks.Secret, read.Secret);
            Assert.Equal(tasks.Tasks, read.Tasks);
        }
        else if (message is TaskReplies replies) Assert.Equal(replies.Replies, Assert.IsType<TaskReplies>(back).Replies);
        else if (message is WorkerAccepted) Assert.Same(WorkerAccepted.Instance, back);
        else Assert.Equal(message, back);
    }

    [Fact]
    public void Unknown_manifests_truncated_payloads_and_absurd_counts_are_refused()
    {
        var serializer = (IsolationSerializer)_system.Serialization.FindSerializerFor(WorkerAccepted.Instance);
        var bytes = serializer.ToBinary(new RunTasks("s", [new TaskRequest(1, "t", "i")]));

        Assert.Throws<SerializationException>(() => serializer.FromBinary(bytes, "System.String"));
        Assert.Throws<SerializationException>(() => serializer.FromBinary(bytes[..^2], "RT"));
        Assert.Throws<SerializationException>(() => serializer.FromBinary([1, (byte)'s', 0xFF, 0xFF, 0xFF, 0x7F], "RT"));
        Assert.Throws<SerializationException>(() => serializer.FromBinary([0xFF, 0xFF, 0xFF, 0x7F], "TR"));
        Assert.Throws<SerializationException>(() => serializer.FromBinary(serializer.ToBinary(new TaskReplies(new TaskReply(1, "2", null, null)))[..^1], "TR"));
    }

    [Theory]
    [InlineData(137, "signal 9 (SIGKILL; exit code 137)")]
    [InlineData(134, "signal 6 (SIGABRT; exit code 134)")]
    [InlineData(3, "exit code 3")]
    [InlineData(0, "exit code 0")]
    public void Exits_are_named_by_signal_or_exit_code(int exitCode, string expected) => Assert.Equal(expected, ExitDescription.Of(exitCode));
}
