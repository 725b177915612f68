namespace ActorProc.Cli.Tests;

/// <summary>
/// Makes an input that exists but cannot be read. The natural one is a file with mode 000, but root
/// (tests often run as root in containers) reads it anyway; then a dangling symbolic link is used
/// instead: it is listed as a file but opening it fails with "No such file or directory".
/// </summary>
public static class Unreadable
{
    /// <summary>Creates the unreadable input at <paramref name="path"/>; returns a word for the OS message expected in the error.</summary>
    public static string Create(string path)
    {
        File.WriteAllText(path, "secret");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.None);
        try
        {
            File.ReadAllBytes(path);
        }
        catch (UnauthorizedAccessException)
        {
            return "Permission denied";
        }
        // Readable despite mode 000: we are root. Replace it with a dangling link.
        File.Delete(path);
        File.CreateSymbolicLink(path, path + ".target-that-does-not-exist");
        return "No such file or directory";
    }
}
