using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ActorProc.Cli.Output;
using ActorProc.Cluster.Client;
using ActorProc.Cluster.Jobs;

namespace ActorProc.Cli.Cluster;

/// <summary>
/// The JSON documents of the cluster commands. A finished job's document is <c>run</c>'s own
/// (<see cref="JsonResultWriter"/>, so the two cannot drift apart) with <c>job_id</c> after <c>task</c>
/// and <c>reexecuted</c> after <c>retried</c>.
/// </summary>
internal static class ClusterJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteResult(RunResult result, string jobId, long reexecuted, Stream stream)
    {
        using var buffer = new MemoryStream();
        JsonResultWriter.Write(result, buffer);
        var run = JsonNode.Parse(buffer.ToArray())!.AsObject();
        var document = new JsonObject();
        foreach (var (key, value) in run.ToArray())
        {
            run.Remove(key);
            document[key] = value;
            if (key == "task") document["job_id"] = jobId;
            if (key == "retried") document["reexecuted"] = reexecuted;
        }
        Write(document, stream);
    }

    /// <summary>A job that is not done (or failed): its state and counts.</summary>
    public static JsonObject Job(JobStatus status) => new()
    {
        ["job_id"] = status.JobId,
        ["task"] = status.TaskName,
        ["state"] = State(status.State),
        ["total"] = status.Total,
        ["succeeded"] = status.Succeeded,
        ["failed"] = status.Failed,
        ["reexecuted"] = status.Reexecuted,
        ["error"] = status.Error,
    };

    /// <summary><c>{"members":[{"address","roles","status","reachable"}],"shards":[...],"jobs":[...]}</c>.</summary>
    public static JsonObject Status(ClusterStatus status) => new()
    {
        ["members"] = new JsonArray([.. status.Members.Select(m => (JsonNode)new JsonObject
        {
            ["address"] = m.Address,
            ["roles"] = new JsonArray([.. m.Roles.Select(r => (JsonNode)JsonValue.Create(r))]),
            ["status"] = m.Status,
            ["reachable"] = m.Reachable,
        })]),
        ["shards"] = new JsonArray([.. status.Shards.Select(s => (JsonNode)new JsonObject
        {
            ["address"] = s.Address,
            ["job_shards"] = s.JobShards,
            ["partition_shards"] = s.PartitionShards,
            ["jobs"] = s.Jobs,
            ["partitions"] = s.Partitions,
        })]),
        ["jobs"] = new JsonArray([.. status.RunningJobs.Select(j => (JsonNode)Job(j))]),
    };

    public static string State(JobState state) => state.ToString().ToLowerInvariant();

    public static void Write(JsonNode document, Stream stream)
    {
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = Options.Encoder }))
        {
            document.WriteTo(writer, Options);
        }
        stream.Write("\n"u8);
        stream.Flush();
    }
}
