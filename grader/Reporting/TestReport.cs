namespace Grader.Reporting;

/// <summary>One test's outcome.</summary>
internal sealed record TestReport
{
    /// <summary><c>Fixture.Test</c>, for example <c>Step1_A_mailbox.Sent_messages_are_received_in_order</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Visible (the exercise's tests) or hidden (the grader's suite).</summary>
    public required TestSuite Suite { get; init; }

    /// <summary>How the test ended.</summary>
    public required TestStatus Status { get; init; }

    /// <summary>The assertion's or the grader's message; empty for a pass.</summary>
    public string Message { get; init; } = "";

    /// <summary>What the test printed (capped), and for a crash what the test process printed.</summary>
    public string Output { get; init; } = "";

    /// <summary>How long it ran; 0 for tests that did not run.</summary>
    public long DurationMs { get; init; }

    /// <summary>The fully qualified NUnit name, unique within the exercise.</summary>
    public string FullName { get; init; } = "";

    /// <summary>
    /// The README step the test is about: for a visible test, from its fixture's name (<c>Step2_...</c>); for a hidden one,
    /// the step its <c>[Property("Step", N)]</c> declares (on the test or its fixture), else the step its failure message
    /// names ("Step 2: ..."). Null when none says.
    /// </summary>
    public int? Step { get; init; }

    /// <summary>The first lines of the stack trace, for failures and errors.</summary>
    public string StackTrace { get; init; } = "";
}
