using System.Buffers;
using System.Security.Cryptography;

namespace ActorProc.Cli.Tasks;

/// <summary>
/// Hashes one file by streaming it through <see cref="IncrementalHash"/> in 128 KiB reads: memory
/// stays constant whatever the file size. Runs on a worker thread; checks the user's cancellation
/// between reads so Ctrl+C does not wait for a large file to finish.
/// </summary>
internal static class FileHasher
{
    private const int BufferSize = 128 * 1024;

    /// <summary>Parses the <c>--algorithm</c> value.</summary>
    public static HashAlgorithmName Algorithm(string name) => name switch
    {
        "sha1" => HashAlgorithmName.SHA1,
        "md5" => HashAlgorithmName.MD5,
        "sha512" => HashAlgorithmName.SHA512,
        _ => HashAlgorithmName.SHA256,
    };

    /// <summary>The lowercase hex digest of the file at <paramref name="path"/>, and its length.</summary>
    /// <exception cref="IOException">The file cannot be opened or read (the message is the OS's).</exception>
    /// <exception cref="UnauthorizedAccessException">Permission denied.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static (string Hex, long Length) Hash(string path, HashAlgorithmName algorithm, CancellationToken cancellationToken)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        using var hash = IncrementalHash.CreateHash(algorithm);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long offset = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var read = RandomAccess.Read(handle, buffer.AsSpan(0, BufferSize), offset);
                if (read == 0) break;
                hash.AppendData(buffer, 0, read);
                offset += read;
            }
            Span<byte> digest = stackalloc byte[64];
            var length = hash.GetHashAndReset(digest);
            return (Convert.ToHexStringLower(digest[..length]), offset);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
