using System.Runtime.Serialization;

namespace ActorProc.Cluster.Serialization;

/// <summary>
/// The building blocks of ActorProc's binary wire format: strings as length-prefixed UTF-8, counts
/// and numbers 7-bit encoded, optional values behind a presence byte. Readers check what they read
/// (counts, enum values) so a corrupt or hostile payload fails with a <see cref="SerializationException"/>
/// instead of allocating without bound.
/// </summary>
internal static class WireFormat
{
    // A job of a few million inputs fits; a garbage count does not make us allocate gigabytes.
    private const int MaxCount = 50_000_000;

    public static void WriteNullable(this BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null) w.Write(value);
    }

    public static string? ReadNullableString(this BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    public static void WriteStrings(this BinaryWriter w, IReadOnlyList<string> values)
    {
        w.Write7BitEncodedInt(values.Count);
        foreach (var value in values) w.Write(value);
    }

    public static string[] ReadStrings(this BinaryReader r)
    {
        var values = new string[r.ReadCount()];
        for (var i = 0; i < values.Length; i++) values[i] = r.ReadString();
        return values;
    }

    public static void WriteInts(this BinaryWriter w, IReadOnlyList<int> values)
    {
        w.Write7BitEncodedInt(values.Count);
        foreach (var value in values) w.Write7BitEncodedInt(value);
    }

    public static int[] ReadInts(this BinaryReader r)
    {
        var values = new int[r.ReadCount()];
        for (var i = 0; i < values.Length; i++) values[i] = r.Read7BitEncodedInt();
        return values;
    }

    public static void WriteSpec(this BinaryWriter w, JobSpec spec)
    {
        w.Write(spec.JobId);
        w.Write(spec.TaskName);
        w.Write7BitEncodedInt(spec.PartitionSize);
        w.WriteStrings(spec.Inputs);
    }

    public static JobSpec ReadSpec(this BinaryReader r)
    {
        var jobId = r.ReadString();
        var taskName = r.ReadString();
        var partitionSize = r.Read7BitEncodedInt();
        return new JobSpec(jobId, taskName, r.ReadStrings(), partitionSize); // validates like any other spec
    }

    public static void WriteResults(this BinaryWriter w, IReadOnlyList<ClusterTaskResult> results)
    {
        w.Write7BitEncodedInt(results.Count);
        foreach (var result in results)
        {
            w.Write7BitEncodedInt64(result.Index);
            w.Write((byte)result.Status);
            w.WriteNullable(result.Output);
            w.WriteNullable(result.Error);
            w.Write7BitEncodedInt(result.Attempts);
        }
    }

    public static ClusterTaskResult[] ReadResults(this BinaryReader r)
    {
        var results = new ClusterTaskResult[r.ReadCount()];
        for (var i = 0; i < results.Length; i++)
            results[i] = new ClusterTaskResult(r.Read7BitEncodedInt64(), r.ReadEnum<TaskOutcome>(), r.ReadNullableString(), r.ReadNullableString(), r.Read7BitEncodedInt());
        return results;
    }

    public static void WriteFailures(this BinaryWriter w, IReadOnlyList<ClusterTaskFailure> failures)
    {
        w.Write7BitEncodedInt(failures.Count);
        foreach (var failure in failures)
        {
            w.Write7BitEncodedInt64(failure.Index);
            w.Write(failure.Input);
            w.Write(failure.Error);
        }
    }

    public static ClusterTaskFailure[] ReadFailures(this BinaryReader r)
    {
        var failures = new ClusterTaskFailure[r.ReadCount()];
        for (var i = 0; i < failures.Length; i++) failures[i] = new ClusterTaskFailure(r.Read7BitEncodedInt64(), r.ReadString(), r.ReadString());
        return failures;
    }

    public static void WriteEnum<T>(this BinaryWriter w, T value) where T : struct, Enum => w.Write(Convert.ToByte(value));

    public static T ReadEnum<T>(this BinaryReader r) where T : struct, Enum
    {
        var raw = r.ReadByte();
        var value = (T)Enum.ToObject(typeof(T), raw);
        return Enum.IsDefined(value) ? value : throw new SerializationException($"{raw} is not a {typeof(T).Name}.");
    }

    public static int ReadCount(this BinaryReader r)
    {
        var count = r.Read7BitEncodedInt();
        return count is >= 0 and <= MaxCount ? count : throw new SerializationException($"Corrupt payload: a count of {count}.");
    }
}
