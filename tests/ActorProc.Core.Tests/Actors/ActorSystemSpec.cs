using ActorProc.Core.Actors;
using ActorProc.Core.Configuration;

namespace ActorProc.Core.Tests.Actors;

using ActorProc.TestKit;

/// <summary>Creating actor systems and actors: names, paths, validation and the errors that say what is wrong.</summary>
public sealed class ActorSystemSpec : TestKit
{
    public ActorSystemSpec() : base(systemName: "spec") { }

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("my/system")]
    [InlineData("-leading-dash")]
    [InlineData("ä")]
    public void Create_rejects_an_invalid_system_name_and_names_it(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => ActorSystem.Create(name));
        Assert.Contains($"'{name}'", e.Message);
    }

    [Fact]
    public void Create_rejects_a_null_name() => Assert.Throws<ArgumentNullException>(() => ActorSystem.Create(null!));

    [Fact]
    public void Top_level_and_child_actors_get_paths_below_user()
    {
        var parent = Sys.ActorOf(Props.Create<Parent>(), "parent");
        parent.Tell(new SpawnChild(Props.Create<Echo>(), "child"), TestActor);
        var child = ExpectMsg<IActorRef>();

        Assert.Equal("actorproc://spec/user/parent", parent.Path.ToString());
        Assert.Equal("actorproc://spec/user/parent/child", child.Path.ToString());
        Assert.Equal(parent.Path, child.Path.Parent);
    }

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("a/b", "must not contain '/'")]
    [InlineData("$x", "must not start with '$'")]
    [InlineData("a b", "illegal character ' '")]
    [InlineData("ä", "illegal character 'ä'")]
    public void Bad_actor_names_are_rejected_with_the_reason(string name, string reason)
    {
        var e = Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create<Echo>(), name));
        Assert.Contains(reason, e.Message);
        Assert.Contains("actorproc://spec/user", e.Message); // names the parent
    }

    [Fact]
    public void Bad_child_names_are_rejected_inside_actors_too()
    {
        var parent = Sys.ActorOf(Props.Create<Parent>());
        parent.Tell(new SpawnChild(Props.Create<Echo>(), "a/b"), TestActor);
        var failure = ExpectMsg<Status.Failure>();
        Assert.IsType<InvalidActorNameException>(failure.Cause);
    }

    [Fact]
    public void A_duplicate_name_is_rejected_and_names_the_existing_path()
    {
        Sys.ActorOf(Props.Create<Echo>(), "twin");
        var e = Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create<Echo>(), "twin"));
        Assert.Contains("'twin' is not unique", e.Message);
        Assert.Contains("actorproc://spec/user/twin", e.Message);
    }

    [Fact]
    public void A_name_becomes_free_again_once_its_actor_has_stopped()
    {
        var first = Sys.ActorOf(Props.Create<Echo>(), "reused");
        Watch(first);
        Sys.Stop(first);
        ExpectTerminated(first);
        // The parent learns of the death through a system message right after the watchers; retry until it has.
        AwaitAssert(() => Sys.ActorOf(Props.Create<Echo>(), "reused"));
    }

    [Fact]
    public void Generated_names_are_unique_and_marked_with_a_dollar()
    {
        var refs = Enumerable.Range(0, 200).Select(_ => Sys.ActorOf(Props.Create<Echo>())).ToList();
        Assert.Equal(200, refs.Select(r => r.Path.Name).Distinct().Count());
        Assert.All(refs, r => Assert.StartsWith("$", r.Path.Name));
    }

    [Fact]
    public void Stop_stops_the_actor_and_its_watchers_hear_of_it()
    {
        var actor = Sys.ActorOf(Props.Create<Echo>());
        Watch(actor);
        Sys.Stop(actor);
        Assert.True(ExpectTerminated(actor).ExistenceConfirmed);
    }

    [Fact]
    public void Null_props_are_rejected() => Assert.Throws<ArgumentNullException>(() => Sys.ActorOf(null!));

    [Fact]
    public void An_unknown_dispatcher_id_is_rejected_and_named()
    {
        var e = Assert.Throws<ActorConfigurationException>(() => Sys.ActorOf(Props.Create<Echo>().WithDispatcher("no-such-dispatcher"), "d"));
        Assert.Contains("'no-such-dispatcher'", e.Message);
        Sys.ActorOf(Props.Create<Echo>(), "d"); // the failed attempt did not keep the name
    }

    [Fact]
    public void An_unknown_mailbox_id_is_rejected_and_named()
    {
        var e = Assert.Throws<ActorConfigurationException>(() => Sys.ActorOf(Props.Create<Echo>().WithMailbox("no-such-mailbox")));
        Assert.Contains("'no-such-mailbox'", e.Message);
    }

    [Fact]
    public async Task ActorOf_after_Terminate_is_rejected()
    {
        await Sys.Terminate();
        var e = Assert.Throws<ActorSystemTerminatedException>(() => Sys.ActorOf(Props.Create<Echo>(), "late"));
        Assert.Contains("'late'", e.Message);
        Assert.Contains("'spec'", e.Message);
    }

    [Fact]
    public void A_typed_getter_on_an_unknown_path_names_the_path()
    {
        var e = Assert.Throws<ConfigurationException>(() => Sys.Settings.Config.GetTimeSpan("actorproc.actor.no-such-timeout"));
        Assert.Contains("actorproc.actor.no-such-timeout", e.Message);
    }
}
