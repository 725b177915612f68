using System.Buffers;
using ActorProc.Core.Actors;
using ActorProc.Core.Actors.SystemMessages;
using ActorProc.Remote.Serialization;
using Google.Protobuf.WellKnownTypes;

namespace ActorProc.Remote.Tests.Serialization;

/// <summary>The registry: built-in types, JSON and protobuf registration, and refusal of anything not registered.</summary>
public sealed class SerializationRegistryTests
{
    private readonly FakeCodec _codec = new();
    private readonly SerializationRegistry _registry;

    public SerializationRegistryTests() => _registry = new SerializationRegistry(_codec);

    public static TheoryData<object> Primitives => new()
    {
        "text", "", new byte[] { 0, 1, 254 }, 42, -1L, 2.5, 1.25f, true, Guid.NewGuid(), (short)7, (byte)9, 'x', 12.345m, 7u, 9ul, TimeSpan.FromSeconds(3),
    };

    [Theory]
    [MemberData(nameof(Primitives))]
    public void Primitives_round_trip(object value) => Assert.Equal(value, RoundTrip(value));

    [Fact]
    public void Json_records_round_trip_with_refs_inside()
    {
        _registry.Register<Order>("test.order");
        var original = new Order("o-1", 3, new FakeRef("actorproc.tcp://sys@127.0.0.1:1/user/shop", 77));
        var copy = Assert.IsType<Order>(RoundTrip(original));
        Assert.Equal(original.Id, copy.Id);
        Assert.Equal(original.Quantity, copy.Quantity);
        Assert.Equal("actorproc.tcp://sys@127.0.0.1:1/user/shop", copy.Customer.Path.ToString());
        Assert.Equal(77, ((FakeRef)copy.Customer).Uid);
    }

    [Fact]
    public void Protobuf_messages_round_trip_under_their_full_name()
    {
        _registry.RegisterProtobuf<StringValue>();
        var binding = _registry.FindBinding(typeof(StringValue))!;
        Assert.Equal("google.protobuf.StringValue", binding.Manifest);
        Assert.Equal(new StringValue { Value = "pb" }, RoundTrip(new StringValue { Value = "pb" }));
        _registry.Register<Timestamp>("ts"); // Register picks protobuf for IMessage types
        Assert.Equal(3, _registry.FindBinding(typeof(Timestamp))!.Serializer.Identifier);
    }

    [Fact]
    public void System_messages_of_death_watch_round_trip()
    {
        var a = new FakeRef("actorproc.tcp://s@h:1/user/a", 1);
        var b = new FakeRef("actorproc.tcp://s@h:2/user/b", 2);
        var watch = Assert.IsType<Watch>(RoundTrip(new Watch(a, b)));
        Assert.Equal(a.Path, watch.Watchee.Path);
        Assert.Equal(b.Path, watch.Watcher.Path);
        var notification = Assert.IsType<DeathWatchNotification>(RoundTrip(new DeathWatchNotification(a, true, true)));
        Assert.True(notification.ExistenceConfirmed);
        Assert.True(notification.AddressTerminated);
        var failed = Assert.IsType<Failed>(RoundTrip(new Failed(a, new InvalidOperationException("bad"), 5)));
        Assert.Equal(5, failed.Uid);
        Assert.Equal("System.InvalidOperationException", Assert.IsType<RemoteException>(failed.Cause).OriginalType);
        Assert.IsType<ActorKilledException>(Assert.IsType<Recreate>(RoundTrip(new Recreate(new ActorKilledException("k")))).Cause);
        Assert.Equal(11, Assert.IsType<ActorIdentity>(RoundTrip(new ActorIdentity(11, a))).MessageId);
    }

    [Fact]
    public void An_unregistered_type_has_no_binding_and_a_foreign_manifest_is_never_loaded()
    {
        Assert.Null(_registry.FindBinding(typeof(Order)));
        Assert.False(_registry.IsRegistered(typeof(Order)));
        // A manifest naming a real type is still refused when nobody registered it.
        Assert.Null(_registry.FindBinding(4, typeof(Order).AssemblyQualifiedName!));
        Assert.Null(_registry.FindBinding(3, "google.protobuf.StringValue"));
    }

    [Fact]
    public void A_manifest_cannot_be_bound_to_two_types()
    {
        _registry.Register<Order>("test.x");
        Assert.Throws<ArgumentException>(() => _registry.Register<Other>("test.x"));
        _registry.Register<Order>("test.x"); // the same binding again is fine
    }

    [Fact]
    public void Custom_serializers_need_an_id_of_100_or_more()
    {
        Assert.Throws<ArgumentException>(() => _registry.Register(typeof(Other), "o", new UpperSerializer(5)));
        _registry.Register(typeof(Other), "o", new UpperSerializer(100));
        Assert.Equal(new Other("HI"), RoundTrip(new Other("hi")));
    }

    private object RoundTrip(object value)
    {
        var binding = _registry.FindBinding(value.GetType()) ?? throw new InvalidOperationException($"{value.GetType()} not registered");
        var buffer = new ArrayBufferWriter<byte>();
        binding.Serializer.ToBinary(value, buffer);
        var found = _registry.FindBinding(binding.Serializer.Identifier, binding.Manifest)!;
        return found.Serializer.FromBinary(buffer.WrittenSpan, binding.Manifest);
    }

    public sealed record Order(string Id, int Quantity, IActorRef Customer);

    public sealed record Other(string Text);

    private sealed class UpperSerializer(int id) : Serializer
    {
        public override int Identifier => id;
        public override void ToBinary(object message, IBufferWriter<byte> output) => output.WriteString(((Other)message).Text.ToUpperInvariant());
        public override object FromBinary(ReadOnlySpan<byte> bytes, string manifest) => new Other(new WireReader(bytes).ReadString());
    }

    internal sealed class FakeRef(string path, long uid) : ActorRefBase
    {
        public override ActorPath Path { get; } = ActorPath.Parse(path);
        public override long Uid => uid;
        public override IInternalActorRef Parent => this;
        public override bool IsTerminated => false;
        public override void Tell(object message, IActorRef? sender) { }
        public override void SendSystemMessage(SystemMessage message) { }
    }

    private sealed class FakeCodec : IActorRefCodec
    {
        public string ToWirePath(IActorRef actor) => actor.Path.ToString();
        public long UidOf(IActorRef actor) => actor is ActorRefBase b ? b.Uid : 0;
        public IActorRef Resolve(string path, long uid) => new FakeRef(path, uid);
    }
}
