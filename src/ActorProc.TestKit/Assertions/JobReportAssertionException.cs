using Xunit.Sdk;

namespace ActorProc.TestKit.Assertions;

/// <summary>
/// A job report did not meet an assertion of <see cref="JobReportAssertions"/>. An xunit assertion
/// failure: the message says what was expected and lists the offending tasks (id, input, status,
/// attempts, error), followed by the report's summary line.
/// </summary>
public sealed class JobReportAssertionException : XunitException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was expected, and what the report says instead.</param>
    public JobReportAssertionException(string message) : base(message) { }
}
