namespace ActorProc.Core.Configuration;

/// <summary>
/// Records every full path read by a typed getter of <see cref="Config"/>, for the test that checks that each key
/// the code reads is documented in reference.conf.
/// </summary>
/// <remarks>
/// Concurrency contract: the active recording lives in an <see cref="AsyncLocal{T}"/>, so only reads made in the
/// async flow that called <see cref="Start"/> (and flows started from it) are captured; parallel tests do not see
/// each other's reads. Reads may happen on any thread of that flow at once, hence the concurrent collection.
/// Recordings nest: a read is added to every enclosing recording that is still open.
/// </remarks>
internal static class ConfigReadRecorder
{
    private static readonly AsyncLocal<Recording?> Current = new();

    /// <summary>Starts recording in the current async flow until the returned handle is disposed.</summary>
    /// <param name="paths">Receives the recorded full paths (a thread-safe set; duplicates are stored once).</param>
    public static IDisposable Start(out ICollection<string> paths)
    {
        var recording = new Recording(Current.Value);
        // Set from a synchronous method, so the value flows back to the caller (async methods would not let it).
        Current.Value = recording;
        paths = recording.Paths;
        return recording;
    }

    /// <summary>Called by the getters; costs one AsyncLocal read when nothing is recording.</summary>
    public static void Record(string fullPath)
    {
        for (var recording = Current.Value; recording is not null; recording = recording.Parent)
        {
            if (!recording.IsStopped)
            {
                recording.Paths.Add(fullPath);
            }
        }
    }

    private sealed class Recording(Recording? parent) : IDisposable
    {
        private int _stopped;

        /// <summary>The recording that was active when this one started.</summary>
        public Recording? Parent { get; } = parent;

        /// <summary>The paths read so far.</summary>
        public ConcurrentPathSet Paths { get; } = new();

        /// <summary>True once disposed; a flow that captured this recording earlier stops adding to it.</summary>
        public bool IsStopped => Volatile.Read(ref _stopped) != 0;

        public void Dispose()
        {
            Interlocked.Exchange(ref _stopped, 1);
            if (ReferenceEquals(Current.Value, this))
            {
                Current.Value = Parent;
            }
        }
    }
}
