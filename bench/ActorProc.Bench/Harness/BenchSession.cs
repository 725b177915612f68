using System.Runtime;

namespace ActorProc.Bench.Harness;

/// <summary>Runs benches and prints their reports as a table or as JSON.</summary>
/// <param name="stdout">Receives the table or the JSON document, and nothing else.</param>
/// <param name="stderr">Receives progress lines and warnings.</param>
internal sealed class BenchSession(TextWriter stdout, TextWriter stderr)
{
    /// <summary>Exit code when every round ran and verified its result.</summary>
    public const int ExitCorrect = 0;

    /// <summary>Exit code when a round failed its check, threw or timed out.</summary>
    public const int ExitIncorrect = 2;

    /// <summary>Receives progress lines and warnings.</summary>
    public TextWriter Log => stderr;

    /// <summary>Warns when --server-gc was asked for but this process does not run the server GC.</summary>
    public void WarnIfServerGcMissing(bool serverGcRequested)
    {
        if (serverGcRequested && !GCSettings.IsServerGC)
        {
            stderr.WriteLine("--server-gc: this process was not re-executed (in-process run); measuring with the current GC.");
        }
    }

    /// <summary>Runs all rounds of <paramref name="bench"/> and summarises them.</summary>
    public BenchReport Measure(BenchDefinition bench, RunSettings settings)
    {
        stderr.WriteLine($"{bench.Name}: {bench.Description}");
        foreach (var note in bench.Notes)
        {
            stderr.WriteLine(note);
        }

        var outcome = InterleavedRunner.Run(bench, settings, stderr);
        return BenchReport.Create(bench, settings, outcome, MachineInfo.Current());
    }

    /// <summary>Prints the reports (an array in JSON when there are several) and returns the exit code.</summary>
    public int Print(IReadOnlyList<BenchReport> reports, bool json, bool asArray)
    {
        if (json)
        {
            stdout.WriteLine(asArray ? JsonReportWriter.WriteMany(reports) : JsonReportWriter.Write(reports.Single()));
        }
        else
        {
            foreach (var report in reports)
            {
                stdout.WriteLine(TableWriter.Write(report));
            }
        }

        stdout.Flush();
        return reports.All(r => r.Outcome.Correct) ? ExitCorrect : ExitIncorrect;
    }
}
