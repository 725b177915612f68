using ActorProc.Cli.Output;

namespace ActorProc.Cli.Inputs;

/// <summary>
/// Turns the paths given on the command line into the list of files to process, before any work
/// starts. A directory without <c>--recursive</c> is a usage error (exit 2). A path that does not
/// exist is kept, like a file: it fails when opened and is reported as a failed input with the
/// operating system's message while the other inputs are processed (exit 1), as <c>sha256sum</c> does. With <c>--recursive</c>, directories are walked depth-first: a directory's files first,
/// then its subdirectories, each in ordinal name order (so the output order is stable); a subdirectory that cannot be listed becomes an error entry of the
/// run instead of stopping it. Symbolic links to files are followed; symbolic links to directories
/// are not (that is how cycles are avoided); a dangling link is kept as a file, so it fails when
/// opened and is reported with the operating system's message, as <c>sha256sum</c> does.
/// </summary>
internal static class FileInputs
{
    /// <summary>The files found and the directories that could not be listed.</summary>
    /// <param name="Files">Paths as given or found (joined to the directory as given, e.g. <c>./a/b.txt</c>).</param>
    /// <param name="Unlisted">Directories whose listing failed, with the reason.</param>
    public sealed record Expansion(IReadOnlyList<string> Files, IReadOnlyList<InputError> Unlisted);

    /// <summary>Expands <paramref name="paths"/>.</summary>
    /// <exception cref="UsageException">A path is empty, or is a directory and <paramref name="recursive"/> is false.</exception>
    /// <exception cref="OperationCanceledException">The walk was cancelled.</exception>
    public static Expansion Expand(IReadOnlyList<string> paths, bool recursive, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        var unlisted = new List<InputError>();
        foreach (var path in paths) Classify(path, recursive); // every path is checked before any directory is walked
        foreach (var path in paths)
        {
            if (Directory.Exists(path)) Walk(path, files, unlisted, cancellationToken);
            else files.Add(path);
        }
        return new Expansion(files, unlisted);
    }

    /// <summary>
    /// Checks that a command-line path is not empty and, unless <paramref name="recursive"/>, not a
    /// directory. Anything else (a file, a link, a FIFO, a path that does not exist) is an input of the
    /// job, whose own error, if any, is reported for it alone.
    /// </summary>
    /// <exception cref="UsageException">The path is empty, or a directory without --recursive.</exception>
    public static void Classify(string path, bool recursive, string directoryHint = "use --recursive to process the files under it")
    {
        if (path.Length == 0) throw new UsageException("an empty path was given.");
        if (Directory.Exists(path) && !recursive) throw new UsageException($"{path}: is a directory ({directoryHint}).");
    }

    private static void Walk(string root, List<string> files, List<InputError> unlisted, CancellationToken cancellationToken)
    {
        // Explicit stack, children pushed in reverse, so the walk is depth-first in name order without recursion.
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var directory = pending.Pop();
            FileSystemInfo[] entries;
            try
            {
                entries = new DirectoryInfo(directory).GetFileSystemInfos();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                unlisted.Add(new InputError(directory, Tasks.ErrorText.Describe(e, TaskOutcome.Failed), 0));
                continue;
            }
            Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            var subdirectories = new List<string>();
            foreach (var entry in entries)
            {
                var path = Path.Join(directory, entry.Name);
                if (entry.LinkTarget is not null)
                {
                    if (!Directory.Exists(path)) files.Add(path); // a link to a file, or dangling
                }
                else if (entry is DirectoryInfo) subdirectories.Add(path);
                else files.Add(path);
            }
            for (var i = subdirectories.Count - 1; i >= 0; i--) pending.Push(subdirectories[i]);
        }
    }
}
