using System.Text.Json.Serialization;

namespace ActorProc.Cli.Cluster;

/// <summary>
/// What the <c>hash</c> task returns on a node. The path travels with the digest so that
/// <c>actorproc job</c> can print a finished job without the submitter's plan.
/// </summary>
internal sealed record HashOutput(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("hex")] string Hex,
    [property: JsonPropertyName("length")] long Length);

/// <summary>What one range task of <c>ipcount</c>/<c>wordcount</c> returns on a node: its file, its key counts (the combiner's output) and line statistics.</summary>
internal sealed record CountOutput(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("counts")] Dictionary<string, long> Counts,
    [property: JsonPropertyName("lines")] long Lines,
    [property: JsonPropertyName("skipped")] long Skipped);
