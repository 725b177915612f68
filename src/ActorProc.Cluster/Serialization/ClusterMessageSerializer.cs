using System.Runtime.Serialization;
using Akka.Serialization;

namespace ActorProc.Cluster.Serialization;

/// <summary>
/// ActorProc's compact binary serializer for every cluster message, journal event and snapshot
/// (bound by type in <c>cluster.conf</c>; id 7301). The manifest is a short code from the table
/// below, never a .NET type name, so nothing on the wire chooses a type to instantiate: an unknown
/// manifest is refused with a <see cref="SerializationException"/> (Akka drops that message and
/// logs it; the node carries on). Formats are append-only: a changed layout gets a new code, and
/// the old code keeps reading what journals hold.
/// </summary>
internal sealed class ClusterMessageSerializer : SerializerWithStringManifest
{
    /// <summary>The serializer id, as in <c>akka.actor.serialization-identifiers</c>.</summary>
    public const int Id = 7301;

    private static readonly Format[] Formats =
    [
        // Client protocol.
        Format.Of<SubmitJob>("SJ", (w, m) => w.WriteSpec(m.Spec), r => new SubmitJob(r.ReadSpec())),
        Format.Of<GetJob>("GJ", (w, m) => { w.Write(m.JobId); w.Write(m.IncludeResults); }, r => new GetJob(r.ReadString(), r.ReadBoolean())),
        Format.Of<JobNotFound>("NF", (w, m) => w.Write(m.JobId), r => new JobNotFound(r.ReadString())),
        Format.Of<JobAcknowledgement>("JA", (w, m) => { w.Write(m.JobId); w.Write(m.IsNew); w.WriteEnum(m.State); w.WriteNullable(m.Error); },
            r => new JobAcknowledgement(r.ReadString(), r.ReadBoolean(), r.ReadEnum<JobState>(), r.ReadNullableString())),
        // A reply, never journaled: "J2" since it carries RecentFailures ("JS" had none).
        Format.Of<JobStatus>("J2", WriteStatus, ReadStatus),
        Format.Of<GetJobs>("GS", (w, m) => w.WriteStrings(m.JobIds), r => new GetJobs(r.ReadStrings())),
        Format.Of<JobStatuses>("SS", WriteStatuses, ReadStatuses),
        // Job <-> partition protocol.
        Format.Of<StartPartition>("SP", (w, m) => { w.Write(m.JobId); w.Write7BitEncodedInt(m.Partition); w.Write(m.TaskName); w.Write7BitEncodedInt64(m.FirstIndex); w.WriteStrings(m.Inputs); },
            r => new StartPartition(r.ReadString(), r.Read7BitEncodedInt(), r.ReadString(), r.Read7BitEncodedInt64(), r.ReadStrings())),
        Format.Of<ResumePartition>("RP", (w, m) => { w.Write(m.JobId); w.Write7BitEncodedInt(m.Partition); }, r => new ResumePartition(r.ReadString(), r.Read7BitEncodedInt())),
        Format.Of<PartitionUnknown>("PU", (w, m) => { w.Write(m.JobId); w.Write7BitEncodedInt(m.Partition); }, r => new PartitionUnknown(r.ReadString(), r.Read7BitEncodedInt())),
        Format.Of<PartitionStartAcknowledged>("SA", (w, m) => { w.Write(m.JobId); w.Write7BitEncodedInt(m.Partition); }, r => new PartitionStartAcknowledged(r.ReadString(), r.Read7BitEncodedInt())),
        Format.Of<PartitionFinished>("PF", (w, m) => { w.Write(m.JobId); w.Write7BitEncodedInt(m.Partition); w.WriteResults(m.Results); w.Write7BitEncodedInt64(m.Reexecuted); },
            r => new PartitionFinished(r.ReadString(), r.Read7BitEncodedInt(), r.ReadResults(), r.Read7BitEncodedInt64())),
        Format.Of<PartitionFinishAcknowledged>("FA", (w, m) => { w.Write(m.JobId); w.Write7BitEncodedInt(m.Partition); }, r => new PartitionFinishAcknowledged(r.ReadString(), r.Read7BitEncodedInt())),
        Format.Of<StopPartition>("ST", (_, _) => { }, _ => StopPartition.Instance),
        // Job events and snapshot.
        Format.Of<JobAccepted>("EA", (w, m) => w.WriteSpec(m.Spec), r => new JobAccepted(r.ReadSpec())),
        Format.Of<JobStarted>("ES", (_, _) => { }, _ => JobStarted.Instance),
        Format.Of<PartitionResultsRecorded>("ER", (w, m) => { w.Write7BitEncodedInt(m.Partition); w.WriteResults(m.Results); w.Write7BitEncodedInt64(m.Reexecuted); },
            r => new PartitionResultsRecorded(r.Read7BitEncodedInt(), r.ReadResults(), r.Read7BitEncodedInt64())),
        Format.Of<JobCompleted>("EC", (_, _) => { }, _ => JobCompleted.Instance),
        Format.Of<JobFailed>("EF", (w, m) => w.Write(m.Reason), r => new JobFailed(r.ReadString())),
        Format.Of<JobSnapshot>("SN", (w, m) => { w.WriteSpec(m.Spec); w.WriteEnum(m.State); w.WriteNullable(m.Error); w.Write7BitEncodedInt64(m.Reexecuted); w.WriteInts(m.FinishedPartitions); w.WriteResults(m.Results); },
            r => new JobSnapshot(r.ReadSpec(), r.ReadEnum<JobState>(), r.ReadNullableString(), r.Read7BitEncodedInt64(), r.ReadInts(), r.ReadResults())),
        // Partition events.
        Format.Of<PartitionAssigned>("PA", (w, m) => { w.Write(m.JobId); w.Write7BitEncodedInt(m.Partition); w.Write(m.TaskName); w.Write7BitEncodedInt64(m.FirstIndex); w.WriteStrings(m.Inputs); },
            r => new PartitionAssigned(r.ReadString(), r.Read7BitEncodedInt(), r.ReadString(), r.Read7BitEncodedInt64(), r.ReadStrings())),
        Format.Of<TaskBatchStarted>("BS", (w, m) => w.WriteInts(m.Offsets), r => new TaskBatchStarted(r.ReadInts())),
        Format.Of<TaskBatchFinished>("BF", (w, m) => w.WriteResults(m.Results), r => new TaskBatchFinished(r.ReadResults())),
        Format.Of<PartitionCompletionAcknowledged>("PK", (_, _) => { }, _ => PartitionCompletionAcknowledged.Instance),
    ];

    private static readonly Dictionary<Type, Format> ByType = Formats.ToDictionary(f => f.Type);
    private static readonly Dictionary<string, Format> ByManifest = Formats.ToDictionary(f => f.Manifest, StringComparer.Ordinal);

    /// <summary>Akka creates the serializer from <c>akka.actor.serializers</c>.</summary>
    public ClusterMessageSerializer(ExtendedActorSystem system) : base(system) { }

    /// <inheritdoc />
    public override int Identifier => Id;

    /// <summary>Every type this serializer writes, with its manifest (for the bindings test).</summary>
    internal static IReadOnlyDictionary<Type, string> Manifests => Formats.ToDictionary(f => f.Type, f => f.Manifest);

    /// <inheritdoc />
    public override string Manifest(object o) => FormatOf(o).Manifest;

    /// <inheritdoc />
    public override byte[] ToBinary(object obj)
    {
        var format = FormatOf(obj);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) format.Write(writer, obj);
        return stream.ToArray();
    }

    /// <inheritdoc />
    /// <exception cref="SerializationException">The manifest is unknown or the payload is not a valid message of it.</exception>
    public override object FromBinary(byte[] bytes, string manifest)
    {
        if (!ByManifest.TryGetValue(manifest, out var format))
            throw new SerializationException($"ActorProc cluster serializer ({Id}): unknown manifest '{manifest}'; the message is refused (is a member running another ActorProc version?).");
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), System.Text.Encoding.UTF8);
            return format.Read(reader);
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or FormatException or IOException)
        {
            throw new SerializationException($"ActorProc cluster serializer ({Id}): a corrupt '{manifest}' ({format.Type.Name}) payload of {bytes.Length} bytes: {e.Message}", e);
        }
    }

    private static Format FormatOf(object o) => ByType.TryGetValue(o.GetType(), out var format)
        ? format
        : throw new ArgumentException($"ActorProc cluster serializer ({Id}) cannot write {o.GetType().FullName}; it is bound to it by mistake.", nameof(o));

    private static void WriteStatus(BinaryWriter w, JobStatus m)
    {
        w.Write(m.JobId);
        w.Write(m.TaskName);
        w.WriteEnum(m.State);
        w.Write7BitEncodedInt64(m.Total);
        w.Write7BitEncodedInt64(m.Succeeded);
        w.Write7BitEncodedInt64(m.Failed);
        w.Write7BitEncodedInt64(m.Reexecuted);
        w.WriteNullable(m.Error);
        w.WriteResults(m.Results);
        w.WriteFailures(m.RecentFailures);
    }

    private static void WriteStatuses(BinaryWriter w, JobStatuses m)
    {
        w.Write7BitEncodedInt(m.Statuses.Count);
        foreach (var status in m.Statuses)
        {
            w.Write(status is not null);
            if (status is not null) WriteStatus(w, status);
        }
        w.WriteInts(m.Unanswered);
    }

    private static JobStatuses ReadStatuses(BinaryReader r)
    {
        var statuses = new JobStatus?[r.ReadCount()];
        for (var i = 0; i < statuses.Length; i++) statuses[i] = r.ReadBoolean() ? ReadStatus(r) : null;
        return new JobStatuses(statuses, r.ReadInts());
    }

    private static JobStatus ReadStatus(BinaryReader r) => new(r.ReadString(), r.ReadString(), r.ReadEnum<JobState>(), r.Read7BitEncodedInt64(),
        r.Read7BitEncodedInt64(), r.Read7BitEncodedInt64(), r.Read7BitEncodedInt64(), r.ReadNullableString(), r.ReadResults(), r.ReadFailures());

    /// <summary>One message type's manifest code, writer and reader.</summary>
    private sealed record Format(string Manifest, Type Type, Action<BinaryWriter, object> Write, Func<BinaryReader, object> Read)
    {
        public static Format Of<T>(string manifest, Action<BinaryWriter, T> write, Func<BinaryReader, T> read) where T : notnull =>
            new(manifest, typeof(T), (w, o) => write(w, (T)o), r => read(r));
    }
}
