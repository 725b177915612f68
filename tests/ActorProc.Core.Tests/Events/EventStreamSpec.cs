using System.Collections.Concurrent;
using ActorProc.Core.Actors;
using ActorProc.Core.Events;

namespace ActorProc.Core.Tests.Events;

using ActorProc.TestKit;

/// <summary>Publish/subscribe on the event stream: by type including base types, handlers and actors.</summary>
public sealed class EventStreamSpec : TestKit
{
    private abstract record Animal(string Name);

    private sealed record Dog(string Name) : Animal(Name);

    private sealed record Cat(string Name) : Animal(Name);

    [Fact]
    public void A_handler_receives_events_of_its_type_and_of_derived_types_only()
    {
        var seen = new ConcurrentQueue<Animal>();
        using var subscription = Sys.EventStream.Subscribe<Animal>(seen.Enqueue);
        Sys.EventStream.Publish(new Dog("rex"));
        Sys.EventStream.Publish(new Cat("tom"));
        Sys.EventStream.Publish("not an animal");
        Assert.Equal(new Animal[] { new Dog("rex"), new Cat("tom") }, seen);
    }

    [Fact]
    public void Subscribing_to_object_receives_everything()
    {
        var seen = new ConcurrentQueue<object>();
        using var subscription = Sys.EventStream.Subscribe<object>(seen.Enqueue);
        Sys.EventStream.Publish(new Dog("rex"));
        Sys.EventStream.Publish(42);
        Assert.Contains(new Dog("rex"), seen);
        Assert.Contains(42, seen);
    }

    [Fact]
    public void Disposing_a_handler_subscription_unsubscribes_it()
    {
        var seen = new ConcurrentQueue<Dog>();
        var subscription = Sys.EventStream.Subscribe<Dog>(seen.Enqueue);
        Sys.EventStream.Publish(new Dog("before"));
        subscription.Dispose();
        Sys.EventStream.Publish(new Dog("after"));
        Assert.Equal(new[] { new Dog("before") }, seen);
    }

    [Fact]
    public void An_actor_subscriber_gets_events_as_messages_until_it_unsubscribes()
    {
        Assert.True(Sys.EventStream.Subscribe(TestActor, typeof(Animal)));
        Assert.False(Sys.EventStream.Subscribe(TestActor, typeof(Animal))); // already subscribed: no duplicates
        Sys.EventStream.Publish(new Cat("tom"));
        ExpectMsg(new Cat("tom"));
        ExpectNoMsg();

        Assert.True(Sys.EventStream.Unsubscribe(TestActor, typeof(Animal)));
        Assert.False(Sys.EventStream.Unsubscribe(TestActor, typeof(Animal)));
        Sys.EventStream.Publish(new Cat("tom"));
        ExpectNoMsg();
    }

    [Fact]
    public void Unsubscribe_without_a_type_removes_every_subscription_of_the_actor()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(Dog));
        Sys.EventStream.Subscribe(TestActor, typeof(Cat));
        Assert.True(Sys.EventStream.Unsubscribe(TestActor));
        Sys.EventStream.Publish(new Dog("rex"));
        Sys.EventStream.Publish(new Cat("tom"));
        ExpectNoMsg();
    }

    [Fact]
    public void A_failing_handler_neither_breaks_the_publisher_nor_other_subscribers_and_is_reported()
    {
        var seen = new ConcurrentQueue<Dog>();
        using var broken = Sys.EventStream.Subscribe<Dog>(_ => throw new InvalidOperationException("subscriber bug"));
        using var healthy = Sys.EventStream.Subscribe<Dog>(seen.Enqueue);
        EventFilter.Exception<InvalidOperationException>(contains: "event stream subscriber for Dog threw").ExpectOne(() =>
            Sys.EventStream.Publish(new Dog("rex")));
        Assert.Single(seen);
    }

    [Fact]
    public void Publishing_null_is_rejected() => Assert.Throws<ArgumentNullException>(() => Sys.EventStream.Publish(null!));
}
