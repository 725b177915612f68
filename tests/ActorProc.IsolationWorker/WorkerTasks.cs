using ActorProc.Tasks;
using ActorProc.TestKit.Faults;

namespace ActorProc.IsolationWorker;

/// <summary>The named tasks of the isolation tests; the tests build the same fault plans to know which inputs they fault.</summary>
public static class WorkerTasks
{
    /// <summary>Directory of the "kill-once" markers, given to the worker in its environment by the test.</summary>
    public const string MarkerDirectoryVariable = "ACTORPROC_TEST_MARKERS";

    /// <summary>The result every "checked" task returns for <paramref name="input"/>.</summary>
    public static long Expected(long input) => SumOfSquares(10_000) + input;

    /// <summary>Σ i² for 0 ≤ i &lt; <paramref name="n"/>.</summary>
    public static long SumOfSquares(long n)
    {
        long sum = 0;
        for (long i = 0; i < n; i++) sum += i * i;
        return sum;
    }

    /// <summary>1 % of the inputs (seeded) end their worker process with Environment.FailFast.</summary>
    public static FaultPlan<long, long> FailFastOnePercent() =>
        FaultPlan.For<long, long>(Expected).FailFastWorkerProcess(probability: 0.01, seed: 20261203).Build();

    /// <summary>Input 3 is killed with SIGKILL on every attempt.</summary>
    public static FaultPlan<long, long> KillThree() =>
        FaultPlan.For<long, long>(Expected).KillWorkerProcess(when: x => x == 3).Build();

    public static TaskRegistry Registry()
    {
        var tasks = new TaskRegistry();
        tasks.Register<long, long>("sumsq", SumOfSquares);
        tasks.Register<long, long>("checked", Expected);
        tasks.Register("failfast-1pct", FailFastOnePercent().Work);
        tasks.Register("kill-3", KillThree().Work);
        tasks.Register<long, long>("kill-once", KillOnce);
        tasks.Register<long, long>("hang", x =>
        {
            if (x == 0) Thread.Sleep(Timeout.Infinite); // ends only with its process
            return Expected(x);
        });
        tasks.Register<string, int>("parse", int.Parse);
        tasks.Register<long, int>("pid", _ => Environment.ProcessId);
        return tasks;
    }

    /// <summary>Kills its process the first time it sees input 4 (a marker file remembers across processes); otherwise succeeds.</summary>
    private static long KillOnce(long input)
    {
        if (input != 4) return Expected(input);
        var directory = Environment.GetEnvironmentVariable(MarkerDirectoryVariable) ?? throw new InvalidOperationException($"{MarkerDirectoryVariable} is not set.");
        var marker = Path.Combine(directory, $"{input}.killed");
        if (!File.Exists(marker))
        {
            File.WriteAllText(marker, "");
            System.Diagnostics.Process.GetCurrentProcess().Kill();
        }
        return Expected(input);
    }
}
