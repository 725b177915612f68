namespace ActorProc.TestKit;

/// <summary>
/// Thrown by every TestKit expectation that is not met (a missing, unexpected or wrong message, an
/// unmet condition, a block that overran its <c>Within</c> limit). xunit reports it as the test's failure;
/// the message says what was expected, within how long, and what was seen instead.
/// </summary>
public sealed class TestKitAssertionException : Exception
{
    /// <summary>Creates the exception with a message describing the unmet expectation.</summary>
    /// <param name="message">What was expected and what happened instead.</param>
    public TestKitAssertionException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the last failure of a retried assertion.</summary>
    /// <param name="message">What was expected and what happened instead.</param>
    /// <param name="inner">The last exception thrown by the assertion that was retried.</param>
    public TestKitAssertionException(string message, Exception? inner) : base(message, inner) { }
}
