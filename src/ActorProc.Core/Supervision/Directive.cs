namespace ActorProc.Core.Supervision;

/// <summary>What a supervisor does with a failed child.</summary>
public enum Directive
{
    /// <summary>Keep the child's state and let it process its next message (the failing message is dropped).</summary>
    Resume,
    /// <summary>Replace the child's instance with a fresh one; its mailbox is kept (the failing message is dropped).</summary>
    Restart,
    /// <summary>Stop the child for good.</summary>
    Stop,
    /// <summary>Fail the supervisor itself with the same cause, handing the decision to its own parent.</summary>
    Escalate,
}

/// <summary>Maps a failure to a directive.</summary>
public delegate Directive Decider(Exception cause);
