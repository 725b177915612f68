using System.Runtime.CompilerServices;
using System.Text;

namespace ActorProc.Cli.Tasks;

/// <summary>
/// Counts words: maximal runs of letters and digits (Unicode categories L* and Nd, as
/// <see cref="char.IsLetterOrDigit(char)"/> and <see cref="Rune.IsLetterOrDigit"/> say), lower-cased
/// with the invariant culture. Bytes are decoded as UTF-8 with a stateful decoder, so a character
/// split across read blocks is decoded whole; invalid bytes become U+FFFD, which is not a letter and
/// so separates words. A non-blank line without any word is counted as skipped.
/// </summary>
internal sealed class WordCounter : KeyCounter
{
    private readonly Decoder _decoder = new UTF8Encoding(false, throwOnInvalidBytes: false).GetDecoder();
    private char[] _chars = new char[1024];
    private char[] _word = new char[64];
    private int _wordLength;
    private bool _hasContent;
    private bool _hasWord;
    private bool _decoding; // the decoder was used in this line and may hold the start of a character

    public override void Append(ReadOnlySpan<byte> piece)
    {
        if (!_hasContent) _hasContent = HasContent(piece);
        if (!_decoding && Ascii.IsValid(piece))
        {
            TokenizeAscii(piece); // most text: no decoding needed
            return;
        }
        _decoding = true;
        Decode(piece, flush: false);
    }

    public override void EndLine()
    {
        if (_decoding) Decode([], flush: true);
        _decoding = false;
        EndWord();
        if (_hasContent)
        {
            Lines++;
            if (!_hasWord) Skipped++;
        }
        _hasContent = false;
        _hasWord = false;
    }

    private void Decode(ReadOnlySpan<byte> bytes, bool flush)
    {
        // At most one char per byte, plus what the decoder held back from the previous piece.
        if (_chars.Length < bytes.Length + 4) _chars = new char[Math.Max(bytes.Length + 4, _chars.Length * 2)];
        var count = _decoder.GetChars(bytes, _chars, flush);
        Tokenize(_chars.AsSpan(0, count));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void TokenizeAscii(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c)) AppendChar(char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c);
            else EndWord();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Tokenize(ReadOnlySpan<char> chars)
    {
        Span<char> pair = stackalloc char[2];
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (char.IsAscii(c))
            {
                if (char.IsAsciiLetterOrDigit(c)) AppendChar(char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c);
                else EndWord();
            }
            else if (char.IsHighSurrogate(c) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                var rune = new Rune(c, chars[++i]);
                if (!Rune.IsLetterOrDigit(rune))
                {
                    EndWord();
                    continue;
                }
                var written = Rune.ToLowerInvariant(rune).EncodeToUtf16(pair);
                for (var k = 0; k < written; k++) AppendChar(pair[k]);
            }
            else if (char.IsLetterOrDigit(c)) AppendChar(char.ToLowerInvariant(c));
            else EndWord();
        }
    }

    private void AppendChar(char c)
    {
        if (_wordLength == _word.Length) Array.Resize(ref _word, _word.Length * 2);
        _word[_wordLength++] = c;
    }

    private void EndWord()
    {
        if (_wordLength == 0) return;
        Count(_word.AsSpan(0, _wordLength));
        _hasWord = true;
        _wordLength = 0;
    }
}
