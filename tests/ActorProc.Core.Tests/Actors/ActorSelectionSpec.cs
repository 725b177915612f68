using ActorProc.Core.Actors;

namespace ActorProc.Core.Tests.Actors;

using ActorProc.TestKit;

/// <summary>Looking actors up by path: absolute, relative, wildcards, "..", ResolveOne and Identify.</summary>
public sealed class ActorSelectionSpec : TestKit
{
    private readonly IActorRef _parent;
    private readonly IActorRef _a;
    private readonly IActorRef _b;
    private readonly IActorRef _other;

    public ActorSelectionSpec() : base(systemName: "sel")
    {
        _parent = Sys.ActorOf(Props.Create<Parent>(), "parent");
        _a = Spawn("worker-a");
        _b = Spawn("worker-b");
        _other = Spawn("other");
    }

    private IActorRef Spawn(string name)
    {
        _parent.Tell(new SpawnChild(Props.Create<Echo>(), name), TestActor);
        return ExpectMsg<IActorRef>();
    }

    [Theory]
    [InlineData("/user/parent/worker-a")]
    [InlineData("actorproc://sel/user/parent/worker-a")]
    [InlineData("/user/parent/./worker-a")]
    [InlineData("/user/parent/other/../worker-a")]
    public void An_absolute_path_reaches_the_actor(string path)
    {
        Sys.ActorSelection(path).Tell("hi", TestActor);
        ExpectMsg("hi");
        Assert.Equal(_a, LastSender);
    }

    [Fact]
    public void Wildcards_reach_every_matching_actor()
    {
        Sys.ActorSelection("/user/parent/worker-*").Tell("all", TestActor);
        ExpectMsg("all");
        var first = LastSender;
        ExpectMsg("all");
        var second = LastSender;
        Assert.Equal(new[] { _a, _b }.OrderBy(r => r.Path.Name), new[] { first, second }.OrderBy(r => r.Path.Name));
        ExpectNoMsg();
    }

    [Fact]
    public void A_question_mark_matches_exactly_one_character()
    {
        Sys.ActorSelection("/user/parent/worker-?").Tell("q", TestActor);
        ReceiveN(2);
        Sys.ActorSelection("/user/parent/worker?").Tell("none", TestActor);
        ExpectNoMsg();
    }

    [Fact]
    public void A_relative_path_is_resolved_from_the_actor_that_selects()
    {
        _parent.Tell(new RelativeSelection("worker-b", "child"), TestActor);
        ExpectMsg("child");
        Assert.Equal(_b, LastSender);

        // From the parent, ".." is the user guardian, whose child "parent" is the parent itself: back down to a sibling's child.
        _parent.Tell(new RelativeSelection("../parent/other", "around"), TestActor);
        ExpectMsg("around");
        Assert.Equal(_other, LastSender);
    }

    [Fact]
    public async Task ResolveOne_finds_a_living_actor()
    {
        var found = await Sys.ActorSelection("/user/parent/worker-b").ResolveOne(TimeSpan.FromSeconds(3));
        Assert.Equal(_b, found);
    }

    [Fact]
    public async Task ResolveOne_fails_for_a_missing_path_and_names_it()
    {
        var e = await Assert.ThrowsAsync<ActorNotFoundException>(() => Sys.ActorSelection("/user/parent/ghost").ResolveOne(TimeSpan.FromSeconds(1)));
        Assert.Contains("/user/parent/ghost", e.Message);
    }

    [Fact]
    public async Task ResolveOne_does_not_find_a_stopped_actor()
    {
        Watch(_a);
        Sys.Stop(_a);
        ExpectTerminated(_a);
        await Assert.ThrowsAsync<ActorNotFoundException>(() => Sys.ActorSelection("/user/parent/worker-a").ResolveOne(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Identify_is_answered_with_the_actors_ref()
    {
        Sys.ActorSelection("/user/parent/other").Tell(new Identify("id-1"), TestActor);
        var identity = ExpectMsg<ActorIdentity>();
        Assert.Equal("id-1", identity.MessageId);
        Assert.Equal(_other, identity.Subject);
    }

    [Fact]
    public void Identify_of_a_missing_path_is_answered_with_no_subject()
    {
        Sys.ActorSelection("/user/parent/nobody-here").Tell(new Identify(42), TestActor);
        var identity = ExpectMsg<ActorIdentity>();
        Assert.Equal(42, identity.MessageId);
        Assert.Null(identity.Subject);
    }

    [Fact]
    public void Identify_sent_to_a_stopped_actors_ref_is_answered_with_no_subject()
    {
        Watch(_b);
        Sys.Stop(_b);
        ExpectTerminated(_b);
        _b.Tell(new Identify("late"), TestActor);
        Assert.Null(ExpectMsg<ActorIdentity>().Subject);
    }

    [Fact]
    public void A_message_to_a_selection_that_matches_nothing_becomes_a_dead_letter()
    {
        EventFilter.DeadLetter<string>(s => s == "lost").ExpectOne(() => Sys.ActorSelection("/user/missing/*").Tell("lost", TestActor));
    }

    [Fact]
    public void A_selection_of_another_system_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => Sys.ActorSelection("actorproc://elsewhere/user/a"));
        Assert.Contains("elsewhere", e.Message);
    }
}
