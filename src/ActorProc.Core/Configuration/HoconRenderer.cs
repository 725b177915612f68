using System.Text;

namespace ActorProc.Core.Configuration;

/// <summary>Writes a resolved tree as indented JSON, which every HOCON reader also accepts.</summary>
internal static class HoconRenderer
{
    /// <summary>Renders <paramref name="value"/> (resolved) as JSON.</summary>
    public static string Render(HoconValue value)
    {
        var builder = new StringBuilder();
        Append(builder, value, 0);
        return builder.ToString();
    }

    /// <summary>Appends <paramref name="text"/> as a JSON string literal.</summary>
    public static void AppendQuoted(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case < ' ': builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)); break;
                default: builder.Append(c); break;
            }
        }

        builder.Append('"');
    }

    private static void Append(StringBuilder builder, HoconValue value, int depth)
    {
        switch (value)
        {
            case HoconObject obj:
                AppendObject(builder, obj, depth);
                break;
            case HoconArray array:
                AppendArray(builder, array, depth);
                break;
            case HoconScalar { Kind: HoconScalarKind.String } text:
                AppendQuoted(builder, text.Text);
                break;
            case HoconScalar scalar:
                builder.Append(scalar.Text);
                break;
            default:
                // Only resolved trees are rendered; an unresolved node here would be a bug, so show it rather than hide it.
                AppendQuoted(builder, $"<unresolved {value.TypeName}>");
                break;
        }
    }

    private static void AppendObject(StringBuilder builder, HoconObject obj, int depth)
    {
        if (obj.Count == 0)
        {
            builder.Append("{}");
            return;
        }

        builder.Append("{\n");
        var first = true;
        foreach (var (key, value) in obj.Fields)
        {
            if (!first)
            {
                builder.Append(",\n");
            }

            first = false;
            builder.Append(' ', (depth + 1) * 2);
            AppendQuoted(builder, key);
            builder.Append(": ");
            Append(builder, value, depth + 1);
        }

        builder.Append('\n').Append(' ', depth * 2).Append('}');
    }

    private static void AppendArray(StringBuilder builder, HoconArray array, int depth)
    {
        builder.Append('[');
        for (var i = 0; i < array.Items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            Append(builder, array.Items[i], depth);
        }

        builder.Append(']');
    }
}
