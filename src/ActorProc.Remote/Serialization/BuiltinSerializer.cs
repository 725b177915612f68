using System.Buffers;
using ActorProc.Core.Actors;
using ActorProc.Core.Actors.SystemMessages;
using ActorProc.Remote.Deployment;

namespace ActorProc.Remote.Serialization;

/// <summary>
/// Serializer id 2: actor refs sent as messages, the system messages of remote death watch and remote
/// supervision, and the kernel's built-in messages (Identify, ActorIdentity, PoisonPill, Kill, Status).
/// Exceptions travel as type name and message and arrive as <see cref="RemoteException"/>.
/// </summary>
internal sealed class BuiltinSerializer(IActorRefCodec codec, SerializationRegistry registry) : Serializer
{
    public const int Id = 2;

    public static readonly IReadOnlyList<(Type Type, string Manifest)> Bindings =
    [
        (typeof(IActorRef), "R"), (typeof(Watch), "W"), (typeof(Unwatch), "U"), (typeof(DeathWatchNotification), "N"),
        (typeof(Terminate), "T"), (typeof(Failed), "F"), (typeof(Recreate), "C"), (typeof(Suspend), "S"),
        (typeof(Resume), "M"), (typeof(Supervise), "V"), (typeof(Identify), "I"), (typeof(ActorIdentity), "A"),
        (typeof(PoisonPill), "P"), (typeof(Kill), "K"), (typeof(Status.Success), "OS"), (typeof(Status.Failure), "OF"),
        (typeof(DeployRequest), "D"),
    ];

    public override int Identifier => Id;

    public override void ToBinary(object message, IBufferWriter<byte> output)
    {
        switch (message)
        {
            case IActorRef actor: output.WriteRef(codec, actor); break;
            case Watch w: output.WriteRef(codec, w.Watchee); output.WriteRef(codec, w.Watcher); break;
            case Unwatch u: output.WriteRef(codec, u.Watchee); output.WriteRef(codec, u.Watcher); break;
            case DeathWatchNotification n:
                output.WriteRef(codec, n.Actor);
                output.WriteByte((byte)((n.ExistenceConfirmed ? 1 : 0) | (n.AddressTerminated ? 2 : 0)));
                break;
            case Terminate or Suspend or PoisonPill or Kill: break;
            case Failed f: output.WriteRef(codec, f.Child); WriteException(output, f.Cause); output.WriteInt64(f.Uid); break;
            case Recreate r: WriteException(output, r.Cause); break;
            case Resume r:
                output.WriteByte(r.CausedByFailure is null ? (byte)0 : (byte)1);
                if (r.CausedByFailure is not null) WriteException(output, r.CausedByFailure);
                break;
            case Supervise s: output.WriteRef(codec, s.Child); break;
            case Identify i: registry.WriteNested(output, i.MessageId); break;
            case ActorIdentity a: registry.WriteNested(output, a.MessageId); output.WriteRef(codec, a.Subject); break;
            case Status.Success s: registry.WriteNested(output, s.Value); break;
            case Status.Failure f: WriteException(output, f.Cause); break;
            case DeployRequest d: d.Write(output, codec); break;
            default: throw new ArgumentException($"{message.GetType()} is not a built-in message.", nameof(message));
        }
    }

    public override object FromBinary(ReadOnlySpan<byte> bytes, string manifest)
    {
        var reader = new WireReader(bytes);
        return manifest switch
        {
            "R" => reader.ReadRequiredRef(codec),
            "W" => new Watch(reader.ReadRequiredRef(codec), reader.ReadRequiredRef(codec)),
            "U" => new Unwatch(reader.ReadRequiredRef(codec), reader.ReadRequiredRef(codec)),
            "N" => ReadNotification(ref reader),
            "T" => new Terminate(),
            "F" => new Failed(reader.ReadRequiredRef(codec), ReadException(ref reader), reader.ReadInt64()),
            "C" => new Recreate(ReadException(ref reader)),
            "S" => new Suspend(),
            "M" => new Resume(reader.ReadByte() == 0 ? null : ReadException(ref reader)),
            "V" => new Supervise(reader.ReadRequiredRef(codec)),
            "I" => new Identify(registry.ReadNested(ref reader)),
            "A" => new ActorIdentity(registry.ReadNested(ref reader), reader.ReadRef(codec)),
            "P" => PoisonPill.Instance,
            "K" => Kill.Instance,
            "OS" => new Status.Success(registry.ReadNested(ref reader)),
            "OF" => new Status.Failure(ReadException(ref reader)),
            "D" => DeployRequest.Read(ref reader, codec),
            _ => throw new WireFormatException($"Unknown built-in manifest '{manifest}'."),
        };
    }

    private DeathWatchNotification ReadNotification(ref WireReader reader)
    {
        var actor = reader.ReadRequiredRef(codec);
        var flags = reader.ReadByte();
        return new DeathWatchNotification(actor, (flags & 1) != 0, (flags & 2) != 0);
    }

    private static void WriteException(IBufferWriter<byte> output, Exception e)
    {
        output.WriteString(e is RemoteException remote ? remote.OriginalType : e.GetType().FullName ?? e.GetType().Name);
        output.WriteString(e is RemoteException r ? r.OriginalMessage : e.Message);
    }

    /// <summary>
    /// Reads an exception. The kernel's own failure types that drive the default supervision decisions come back
    /// as themselves (by a fixed list, never by loading the named type); anything else becomes a <see cref="RemoteException"/>.
    /// </summary>
    private static Exception ReadException(ref WireReader reader)
    {
        var type = reader.ReadString();
        var message = reader.ReadString();
        return type switch
        {
            "ActorProc.Core.Actors.ActorInitializationException" => new ActorInitializationException(null, message, null),
            "ActorProc.Core.Actors.ActorKilledException" => new ActorKilledException(message),
            _ => new RemoteException(type, message),
        };
    }
}
