using System.Runtime.CompilerServices;
using System.Buffers;
using System.Text;

namespace ActorProc.Cli.Tasks;

/// <summary>
/// Counts the first whitespace-separated field of each line (the client address of an access log).
/// Whitespace is space, tab, '\r', '\v' and '\f'. The field's bytes are decoded as UTF-8, invalid
/// sequences becoming U+FFFD, so binary garbage is counted under a readable key and never throws. A
/// non-blank line with no field (only whitespace) is counted as skipped. Only the field is ever
/// copied; the rest of a line, however long, is not looked at.
/// </summary>
internal sealed class FirstFieldCounter : KeyCounter
{
    private enum State { BeforeField, InField, Done }

    private State _state;
    private bool _hasContent;
    private byte[] _field = new byte[256];
    private int _fieldLength;
    private char[] _chars = new char[256];

    public override void Append(ReadOnlySpan<byte> piece)
    {
        if (_state == State.Done) return;
        if (!_hasContent) _hasContent = HasContent(piece);
        if (_state == State.BeforeField)
        {
            var start = FirstNonWhitespace(piece);
            if (start < 0) return;
            piece = piece[start..];
            _state = State.InField;
        }
        var end = FirstWhitespace(piece);
        if (end >= 0 && _fieldLength == 0)
        {
            CountField(piece[..end]); // the common case: the whole field in one piece, no copy
            _state = State.Done;
            return;
        }
        AppendField(end < 0 ? piece : piece[..end]);
        if (end >= 0) FinishField();
    }

    /// <summary>
    /// Whole lines: the same rules as <see cref="Append"/> and <see cref="EndLine"/>, in one loop
    /// without a call per line (most of a log arrives this way).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void AppendLines(ReadOnlySpan<byte> lines)
    {
        while (!lines.IsEmpty)
        {
            var newline = lines.IndexOf((byte)'\n');
            var line = lines[..newline];
            lines = lines[(newline + 1)..];
            var start = FirstNonWhitespace(line);
            if (start < 0)
            {
                if (HasContent(line))
                {
                    Lines++;
                    Skipped++; // whitespace only
                }
                continue; // blank
            }
            Lines++;
            var field = line[start..];
            var end = FirstWhitespace(field);
            CountField(end < 0 ? field : field[..end]);
        }
    }

    public override void EndLine()
    {
        if (_state == State.InField) FinishField();
        if (_hasContent)
        {
            Lines++;
            if (_state == State.BeforeField) Skipped++;
        }
        _state = State.BeforeField;
        _hasContent = false;
    }

    private void AppendField(ReadOnlySpan<byte> bytes)
    {
        if (_fieldLength + bytes.Length > _field.Length) Array.Resize(ref _field, Math.Max(_field.Length * 2, _fieldLength + bytes.Length));
        bytes.CopyTo(_field.AsSpan(_fieldLength));
        _fieldLength += bytes.Length;
    }

    private void FinishField()
    {
        CountField(_field.AsSpan(0, _fieldLength));
        _fieldLength = 0;
        _state = State.Done;
    }

    // Plain loops rather than SearchValues: a field and the blanks before it are a few bytes, and
    // SearchValues' generic search is compiled for the process, unoptimized at first, while these
    // inline into the optimized loop above.

    /// <summary>Index of the first byte that is not whitespace, or -1. Never sees '\n' (lines come without it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FirstNonWhitespace(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (!IsWhitespace(bytes[i])) return i;
        }
        return -1;
    }

    /// <summary>Index of the first whitespace byte, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FirstWhitespace(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (IsWhitespace(bytes[i])) return i;
        }
        return -1;
    }

    /// <summary>Space, '\t', '\v', '\f' or '\r' (and '\n', which never reaches here).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWhitespace(byte b) => b == (byte)' ' || (uint)(b - '\t') <= '\r' - '\t';

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CountField(ReadOnlySpan<byte> field)
    {
        // UTF-8 never yields more chars than bytes.
        if (_chars.Length < field.Length) _chars = new char[Math.Max(field.Length, _chars.Length * 2)];
        // Addresses are ASCII: widen them directly; anything else goes through the UTF-8 decoder
        // (Encoding.UTF8 replaces invalid bytes with U+FFFD rather than throwing).
        var length = Ascii.ToUtf16(field, _chars, out var written) == OperationStatus.Done ? written : Encoding.UTF8.GetChars(field, _chars);
        Count(_chars.AsSpan(0, length));
    }
}
