namespace ActorProc.Dashboard.Tests.Browser;

/// <summary>
/// The browser the specs drive: Debian's <c>chromium</c> package at /usr/bin/chromium (CI installs it with
/// .ci/install-chromium), or the executable named by <c>ACTORPROC_TEST_CHROMIUM</c>. Playwright downloads
/// nothing: it is pointed at this executable.
/// </summary>
internal static class Chromium
{
    public const string Variable = "ACTORPROC_TEST_CHROMIUM";
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>The executable; a spec fails with this message when it is missing (never skipped in silence).</summary>
    public static string ExecutablePath()
    {
        var path = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured ? configured : DefaultPath;
        if (!File.Exists(path) && path == DefaultPath) Install();
        Assert.True(File.Exists(path),
            $"No Chromium at {path}: the dashboard specs run in a real browser. Install Debian's package (`apt-get install -y chromium`, " +
            $"or run .ci/install-chromium), or set {Variable} to a Chromium executable.");
        return path;
    }

    private static readonly Lazy<string?> Installation = new(() =>
    {
        try
        {
            ActorProc.Tests.Shared.RepositoryScript.Run("install-chromium");
            return null;
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
    });

    /// <summary>Installs Debian's chromium with the repository's .ci/install-chromium (once per run), so a plain `dotnet test` works on a fresh machine.</summary>
    private static void Install()
    {
        if (Installation.Value is { } failure) Assert.Fail($"No Chromium at {DefaultPath}, and .ci/install-chromium failed: {failure}");
    }

    /// <summary>
    /// Headless, and without Chromium's sandbox, which cannot start as root (CI containers) and guards
    /// against hostile pages, not our own dashboard on loopback.
    /// </summary>
    public static readonly string[] Arguments = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"];
}
