using System.Text.Json;

namespace ActorProc.Cli.Output;

/// <summary>One entry of a run's <c>results</c>: how it looks in JSON and as a line of text.</summary>
internal abstract record ResultItem
{
    /// <summary>Writes the entry as a JSON object (the <c>--json</c> contract).</summary>
    public abstract void WriteJson(Utf8JsonWriter writer);

    /// <summary>The entry as one line of plain text on stdout.</summary>
    public abstract string ToText();
}

/// <summary>A file's digest: <c>{"input": path, "output": hex}</c>; text like <c>sha256sum</c>.</summary>
internal sealed record DigestItem(string Input, string Hex) : ResultItem
{
    public override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("input", Input);
        writer.WriteString("output", Hex);
        writer.WriteEndObject();
    }

    /// <summary>
    /// <c>sha256sum</c>'s format: digest, two spaces, path. Like coreutils, a path holding a backslash
    /// or a line break is escaped and the line starts with a backslash, so the output stays one line
    /// per file and <c>sha256sum -c</c> can read it back.
    /// </summary>
    public override string ToText()
    {
        if (Input.AsSpan().IndexOfAny("\\\n\r") < 0) return $"{Hex}  {Input}";
        return $"\\{Hex}  {Input.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\r", "\\r")}";
    }
}

/// <summary>A key and how often it occurred: <c>{"key": key, "count": n}</c>; text <c>count TAB key</c>.</summary>
internal sealed record KeyCountItem(string Key, long Count) : ResultItem
{
    public override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("key", Key);
        writer.WriteNumber("count", Count);
        writer.WriteEndObject();
    }

    public override string ToText() => $"{Count}\t{Key}";
}

/// <summary>A numeric total: <c>{"output": n}</c>; the number is kept as text so 128-bit totals stay exact.</summary>
internal sealed record TotalItem(string Number) : ResultItem
{
    public override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("output");
        writer.WriteRawValue(Number);
        writer.WriteEndObject();
    }

    public override string ToText() => Number;
}

/// <summary>A plugin task's value: <c>{"input": ..., "output": ...}</c>, both serialized with System.Text.Json.</summary>
internal sealed record ValueItem(string Input, JsonElement Output) : ResultItem
{
    public override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("input", Input);
        writer.WritePropertyName("output");
        Output.WriteTo(writer);
        writer.WriteEndObject();
    }

    public override string ToText() => $"{Input}\t{(Output.ValueKind == JsonValueKind.String ? Output.GetString() : Output.GetRawText())}";
}
