namespace Grader.Reporting;

/// <summary>One test's outcome.</summary>
internal sealed record TestReport
{
    /// <summary><c>Fixture.Test</c>, for example <c>Step1_A_mailbox.Sent_messages_are_received_in_order</c>.</summary>
    public required string Name { get; init; }
    public required TestSuite Suite { get; init; }
    public required TestStatus Status { get; init; }
    public string Message { get; init; } = "";
    public string Output { get; init; } = "";
    public long DurationMs { get; init; }

    /// <summary>The fully qualified NUnit name, unique within the exercise.</summary>
    public string FullName { get; init; } = "";

    /// <summary>The step from the fixture's name (<c>Step2_...</c>), when it has one.</summary>
    public int? Step { get; init; }

    /// <summary>The first lines of the stack trace, for failures and errors.</summary>
    public string StackTrace { get; init; } = "";
}
