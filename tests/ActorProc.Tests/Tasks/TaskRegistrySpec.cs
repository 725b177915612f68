using System.Text.Json;

namespace ActorProc.Tests.Tasks;

[ActorTask("square", Description = "Squares an integer")]
public sealed class SquareTask : IActorTask<int, long>
{
    public long Run(int input, CancellationToken cancellationToken) => (long)input * input;
}

[ActorTask("shout")]
public sealed class ShoutTask : IAsyncActorTask<string, string>
{
    public async Task<string> RunAsync(string input, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return input.ToUpperInvariant() + "!";
    }
}

public sealed record Point(int X, int Y);

[ActorTask("length")]
public sealed class LengthTask : IActorTask<Point, double>
{
    public double Run(Point input, CancellationToken cancellationToken) => Math.Sqrt((input.X * input.X) + (input.Y * input.Y));
}

[ActorTask("csv-sum")]
public sealed class CsvSumTask : IActorTask<int[], int>, ITaskInputParser<int[]>
{
    public int Run(int[] input, CancellationToken cancellationToken) => input.Sum();

    public int[] Parse(string text) => text.Split(',').Select(int.Parse).ToArray();
}

public sealed class TaskRegistrySpec
{
    [Fact]
    public void Discover_finds_every_marked_task_in_an_assembly()
    {
        var registry = TaskRegistry.Discover(typeof(SquareTask).Assembly);

        Assert.Equal(["csv-sum", "length", "shout", "square"], registry.Tasks.Select(t => t.Name));
        var square = registry.Get("square");
        Assert.Equal("Squares an integer", square.Description);
        Assert.Equal(typeof(int), square.InputType);
        Assert.Equal(typeof(long), square.OutputType);
        Assert.False(square.IsAsync);
        Assert.True(registry.Get("shout").IsAsync);
    }

    [Fact]
    public async Task Inputs_are_parsed_from_text_and_outputs_formatted_as_json()
    {
        var registry = TaskRegistry.Discover(typeof(SquareTask).Assembly);

        Assert.Equal(49L, await registry.Get("square").RunAsync(registry.Get("square").ParseInput("7")));
        Assert.Equal(new Point(3, 4), registry.Get("length").ParseInput("""{"X":3,"Y":4}"""));
        Assert.Equal(6, await registry.Get("csv-sum").RunAsync(registry.Get("csv-sum").ParseInput("1,2,3")));
        Assert.Equal("\"HI!\"", registry.Get("shout").FormatOutput("HI!"));
    }

    [Fact]
    public async Task A_named_task_runs_as_a_job_with_text_inputs_and_json_outputs()
    {
        var registry = TaskRegistry.Discover(typeof(SquareTask).Assembly);
        await using var pool = TestPools.Create();

        var squares = await registry.Get("square").CreateJob(pool, ["1", "2", "not a number", "4"], new JobOptions { JobId = "cli-job" }).RunAsync().Within();
        var shouts = await registry.Get("shout").CreateJob(pool, ["a", "b"]).MapAsync().Within();

        Assert.Equal(["1", "4", "16"], squares.SucceededTasks.Select(t => t.Value));
        var failed = Assert.Single(squares.FailedTasks);
        Assert.Equal("cli-job#2", failed.Id.ToString());
        Assert.IsType<FormatException>(failed.Exception);
        Assert.Equal(["\"A!\"", "\"B!\""], shouts);
        var lengths = await registry.Get("length").CreateJob(pool, ["""{"X":3,"Y":4}"""]).MapAsync().Within();
        Assert.Equal(5.0, JsonSerializer.Deserialize<double>(lengths[0]));
    }

    [Fact]
    public void Delegates_can_be_registered_by_name()
    {
        var registry = new TaskRegistry();
        registry.Register("double", (int x) => x * 2);
        registry.Register("fetch", async (Uri uri, CancellationToken ct) => { await Task.Yield(); return uri.Host; });

        Assert.Equal(typeof(int), registry.Get("double").OutputType);
        Assert.True(registry.Get("fetch").IsAsync);
        Assert.Equal(new Uri("https://example.org/x"), registry.Get("fetch").ParseInput("\"https://example.org/x\""));
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => registry.Register("double", (int x) => x)).ParamName);
        var missing = Assert.Throws<KeyNotFoundException>(() => registry.Get("triple"));
        Assert.Contains("double, fetch", missing.Message);
    }

    [Fact]
    public void Invalid_task_classes_are_rejected_with_the_reason()
    {
        var registry = new TaskRegistry();

        Assert.Contains("not marked", Assert.Throws<ArgumentException>(() => registry.Register(typeof(string))).Message);
        Assert.Contains("exactly one", Assert.Throws<ArgumentException>(() => registry.Register(typeof(NotATask))).Message);
        Assert.Contains("parameterless", Assert.Throws<ArgumentException>(() => registry.Register(typeof(NeedsArgs))).Message);
    }

    [ActorTask("not-a-task")]
    private sealed class NotATask;

    [ActorTask("needs-args")]
    private sealed class NeedsArgs(int x) : IActorTask<int, int>
    {
        public int Run(int input, CancellationToken cancellationToken) => input + x;
    }
}
