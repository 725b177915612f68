using ActorProc.Tasks;

namespace PluginTasks;

/// <summary>
/// A CPU-bound task: how many steps the Collatz sequence takes from n down to 1. The input type is
/// <c>long</c>, so each command-line input is parsed with <c>long.Parse</c>; "abc" fails only its own task.
/// </summary>
[ActorTask("collatz", Description = "Steps of the Collatz sequence from n down to 1.")]
public sealed class CollatzSteps : IActorTask<long, int>
{
    public int Run(long input, CancellationToken cancellationToken)
    {
        if (input < 1) throw new ArgumentOutOfRangeException(nameof(input), input, "n must be at least 1.");
        var steps = 0;
        for (var n = input; n != 1; steps++)
        {
            n = n % 2 == 0 ? n / 2 : checked((3 * n) + 1);
        }
        return steps;
    }
}
