using System.CommandLine;

namespace ActorProc.Bench.Harness;

/// <summary>
/// One subcommand: its options and how it turns their values into a <see cref="BenchDefinition"/>.
/// Add a scenario by implementing this and listing it in <see cref="BenchProgram"/>.
/// </summary>
internal interface IScenario
{
    /// <summary>Subcommand name ("pingpong").</summary>
    string Name { get; }

    /// <summary>One line for --help.</summary>
    string Summary { get; }

    /// <summary>Scenario-specific options (sizes); nullable so "not given" falls back to the default or --quick size.</summary>
    IReadOnlyList<Option> Options { get; }

    /// <summary>Builds the bench from the option values (or their defaults).</summary>
    BenchDefinition Define(SizeReader sizes);
}
