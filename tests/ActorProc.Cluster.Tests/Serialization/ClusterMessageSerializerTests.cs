using System.Runtime.Serialization;
using Akka.Configuration;
using ActorProc.Cluster.Configuration;
using ActorProc.Cluster.Serialization;

namespace ActorProc.Cluster.Tests.Serialization;

public sealed class ClusterMessageSerializerTests : IAsyncLifetime
{
    private static readonly JobSpec Spec = new("job-7", "square", ["1", "", "ünïcode ✓", "{\"a\":1}"], 3);
    private static readonly ClusterTaskResult[] Results =
    [
        new(0, TaskOutcome.Succeeded, "1", null, 1),
        new(1, TaskOutcome.Failed, null, "FormatException: bad", 2),
        new(long.MaxValue, TaskOutcome.TimedOut, null, "TaskTimeoutException: slow", 3),
    ];

    // One sample of every type the serializer writes; the test below fails when a type is added without one.
    private static readonly object[] Samples =
    [
        new SubmitJob(Spec),
        new GetJob("job-7", true),
        new JobNotFound("job-7"),
        new JobAcknowledgement("job-7", true, JobState.Failed, "Unknown task 'x'"),
        new JobStatus("job-7", "square", JobState.Completed, 3, 1, 2, 4, null, Results, [new ClusterTaskFailure(2, "x", "FormatException: not a number")]),
        new GetJobs(["job-7", "job-8", "job-7"]),
        new JobStatuses([new JobStatus("job-7", "square", JobState.Running, 3, 1, 0, 0, null, [], []), null, null], [2]),
        new StartPartition("job-7", 2, "square", 6, ["6", "7"]),
        new PartitionStartAcknowledged("job-7", 2),
        new ResumePartition("job-7", 2),
        new PartitionUnknown("job-7", 2),
        new PartitionFinished("job-7", 2, Results, 5),
        new PartitionFinishAcknowledged("job-7", 2),
        StopPartition.Instance,
        new JobAccepted(Spec),
        JobStarted.Instance,
        new PartitionResultsRecorded(1, Results, 0),
        JobCompleted.Instance,
        new JobFailed("Unknown task 'x'"),
        new JobSnapshot(Spec, JobState.Running, null, 3, [0, 1], Results),
        new PartitionAssigned("job-7", 1, "square", 3, ["3", "4", "5"]),
        new TaskBatchStarted([0, 2, 1000]),
        new TaskBatchFinished(Results),
        PartitionCompletionAcknowledged.Instance,
    ];

    private ActorSystem _system = null!;

    public Task InitializeAsync()
    {
        // The bindings under test are cluster.conf's; a local provider is enough to resolve them.
        _system = ActorSystem.Create("serializer-spec", ClusterConfig.WithDefaults(ConfigurationFactory.ParseString("akka.actor.provider = local\nakka.loglevel = WARNING")));
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _system.Terminate();

    [Fact]
    public void Every_written_type_has_a_sample_and_a_binding_to_the_serializer()
    {
        Assert.Equal(ClusterMessageSerializer.Manifests.Keys.OrderBy(t => t.Name), Samples.Select(s => s.GetType()).OrderBy(t => t.Name));
        foreach (var sample in Samples)
            Assert.IsType<ClusterMessageSerializer>(_system.Serialization.FindSerializerFor(sample));
    }

    [Fact]
    public void Every_message_round_trips_through_akka_serialization()
    {
        foreach (var sample in Samples)
        {
            var serializer = (ClusterMessageSerializer)_system.Serialization.FindSerializerFor(sample);
            var bytes = serializer.ToBinary(sample);
            var back = _system.Serialization.Deserialize(bytes, serializer.Identifier, serializer.Manifest(sample));
            Assert.Equal(Render(sample), Render(back));
        }
    }

    [Fact]
    public void Unknown_manifest_is_refused_with_a_serialization_exception()
    {
        var serializer = new ClusterMessageSerializer((ExtendedActorSystem)_system);
        var e = Assert.Throws<SerializationException>(() => serializer.FromBinary([1, 2, 3], "System.Diagnostics.Process"));
        Assert.Contains("unknown manifest 'System.Diagnostics.Process'", e.Message);
    }

    [Fact]
    public void Corrupt_payload_is_refused_with_a_serialization_exception()
    {
        var serializer = new ClusterMessageSerializer((ExtendedActorSystem)_system);
        var bytes = serializer.ToBinary(new PartitionFinished("job-7", 2, Results, 5));
        Assert.Throws<SerializationException>(() => serializer.FromBinary(bytes[..(bytes.Length / 2)], "PF"));
        Assert.Throws<SerializationException>(() => serializer.FromBinary([0xFF, 0xFF, 0xFF, 0xFF, 0x7F], "BS"));
    }

    /// <summary>Records compare lists by reference; render them with their contents for the comparison.</summary>
    private static string Render(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Render)) + "]",
        _ when value.GetType().IsPrimitive || value is Enum => value.ToString()!,
        _ => value.GetType().Name + "{" + string.Join(", ", value.GetType().GetProperties()
            .Where(p => p.GetIndexParameters().Length == 0).OrderBy(p => p.Name).Select(p => $"{p.Name}={Render(p.GetValue(value))}")) + "}",
    };
}
