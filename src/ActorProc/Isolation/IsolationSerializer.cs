using System.Runtime.Serialization;
using System.Text;
using Akka.Serialization;

namespace ActorProc.Isolation;

/// <summary>
/// The binary serializer of the messages between a pool and its worker processes (id 7302, bound in
/// <see cref="IsolationHocon.Remote"/>). Like the cluster's wire format: the manifest is a two-letter
/// code, never a .NET type name, so nothing on the wire chooses a type to instantiate; strings are
/// length-prefixed UTF-8 and counts are checked, so a corrupt payload fails with a
/// <see cref="SerializationException"/> (Akka drops and logs it) instead of allocating without bound.
/// </summary>
internal sealed class IsolationSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    public const int Id = 7302;

    // A batch is a handful of tasks; a garbage count must not make us allocate.
    private const int MaxTasksPerBatch = 1 << 16;

    /// <inheritdoc />
    public override int Identifier => Id;

    /// <inheritdoc />
    public override string Manifest(object o) => o switch
    {
        RegisterWorker => "RW",
        WorkerAccepted => "WA",
        RunTasks => "RT",
        TaskReplies => "TR",
        _ => throw new SerializationException($"{nameof(IsolationSerializer)} cannot serialize {o.GetType()}."),
    };

    /// <inheritdoc />
    public override byte[] ToBinary(object obj)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            switch (obj)
            {
                case RegisterWorker m:
                    w.Write(m.Secret);
                    w.Write(m.ProcessId);
                    break;
                case WorkerAccepted:
                    break;
                case RunTasks m:
                    w.Write(m.Secret);
                    w.Write7BitEncodedInt(m.Tasks.Count);
                    foreach (var t in m.Tasks)
                    {
                        w.Write7BitEncodedInt64(t.Id);
                        w.Write(t.TaskName);
                        w.Write(t.Input);
                    }
                    break;
                case TaskReplies m:
                    w.Write7BitEncodedInt(m.Replies.Count);
                    foreach (var reply in m.Replies)
                    {
                        w.Write7BitEncodedInt64(reply.Id);
                        WriteNullable(w, reply.Output);
                        WriteNullable(w, reply.ErrorType);
                        WriteNullable(w, reply.ErrorMessage);
                        w.Write7BitEncodedInt64(reply.RunMicroseconds);
                    }
                    break;
                default:
                    throw new SerializationException($"{nameof(IsolationSerializer)} cannot serialize {obj.GetType()}.");
            }
        }
        return buffer.ToArray();
    }

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest)
    {
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
            return manifest switch
            {
                "RW" => new RegisterWorker(r.ReadString(), r.ReadInt32()),
                "WA" => WorkerAccepted.Instance,
                "RT" => ReadRunTasks(r),
                "TR" => ReadTaskReplies(r),
                _ => throw new SerializationException($"Unknown isolation message manifest '{manifest}'."),
            };
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or IOException)
        {
            throw new SerializationException($"Malformed isolation message '{manifest}' ({bytes.Length} bytes): {e.Message}", e);
        }
    }

    private static RunTasks ReadRunTasks(BinaryReader r)
    {
        var secret = r.ReadString();
        var count = ReadCount(r, "A task batch");
        var tasks = new TaskRequest[count];
        for (var i = 0; i < count; i++) tasks[i] = new TaskRequest(r.Read7BitEncodedInt64(), r.ReadString(), r.ReadString());
        return new RunTasks(secret, tasks);
    }

    private static TaskReplies ReadTaskReplies(BinaryReader r)
    {
        var count = ReadCount(r, "A reply batch");
        var replies = new TaskReply[count];
        for (var i = 0; i < count; i++) replies[i] = new TaskReply(r.Read7BitEncodedInt64(), ReadNullable(r), ReadNullable(r), ReadNullable(r), r.Read7BitEncodedInt64());
        return new TaskReplies(replies);
    }

    private static int ReadCount(BinaryReader r, string what)
    {
        var count = r.Read7BitEncodedInt();
        if (count is < 0 or > MaxTasksPerBatch) throw new SerializationException($"{what} of {count} tasks is out of range (0..{MaxTasksPerBatch}).");
        return count;
    }

    private static void WriteNullable(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null) w.Write(value);
    }

    private static string? ReadNullable(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;
}
