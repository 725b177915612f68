namespace ActorProc.TestKit.Internal;

/// <summary>
/// Runs the TestKit's async expectations synchronously for the synchronous API (ExpectMsg, Within, ...).
/// <para>
/// Blocking is safe here, and only here: these wrappers are called on the test's own thread, which is
/// never a dispatcher thread, so no actor waits for it; and every await inside the TestKit uses
/// <c>ConfigureAwait(false)</c>, so the awaited work never needs the blocked thread (or xunit's
/// synchronization context) to complete.
/// </para>
/// </summary>
internal static class Sync
{
    /// <summary>Waits for <paramref name="task"/> and rethrows its exception unwrapped.</summary>
    public static void Run(Task task) => task.GetAwaiter().GetResult();

    /// <summary>Waits for <paramref name="task"/> and returns its result, rethrowing its exception unwrapped.</summary>
    public static T Run<T>(Task<T> task) => task.GetAwaiter().GetResult();
}
