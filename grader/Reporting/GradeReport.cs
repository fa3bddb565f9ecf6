namespace Grader.Reporting;

/// <summary>
/// The grader's report, schema version 1 (see DESIGN.md). Fields may be added; none may be renamed or dropped,
/// because CI scripts and the pull-request comment read them.
/// </summary>
internal sealed record GradeReport
{
    /// <summary>Always 1 for this shape.</summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary><c>exercises</c>, <c>solutions</c>, or the directory that was graded.</summary>
    public required string Source { get; init; }

    /// <summary>Releases in course order.</summary>
    public required IReadOnlyList<ReleaseReport> Releases { get; init; }

    /// <summary>Notes about the run itself (a stale starter snapshot, a missing suite), not about one exercise.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>Progress in one release.</summary>
internal sealed record ReleaseReport
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public int PassedExercises => Exercises.Count(e => e.Status == ExerciseStatus.Passed);
    public int TotalExercises => Exercises.Count;
    public int PassedTests => Exercises.Sum(e => e.PassedTests);
    public int TotalTests => Exercises.Sum(e => e.TotalTests);
    public required IReadOnlyList<ExerciseReport> Exercises { get; init; }
}

/// <summary>The result of one exercise at the level that counted.</summary>
internal sealed record ExerciseReport
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required ExerciseStatus Status { get; init; }

    /// <summary>The level that was graded and counted, <c>solution</c>, or null when not started.</summary>
    public string? Level { get; init; }

    public int PassedTests => Tests.Count(t => t.Status == TestStatus.Pass);
    public int TotalTests => Tests.Count;
    public IReadOnlyList<TestReport> Tests { get; init; } = [];
    public IReadOnlyList<DiagnosticReport> Diagnostics { get; init; } = [];

    /// <summary>The other levels the learner touched, with their status (the best one is <see cref="Level"/>).</summary>
    public IReadOnlyList<LevelSummary> OtherLevels { get; init; } = [];

    /// <summary>The step the learner is on: the lowest step with a failing visible test; null when none fails.</summary>
    public int? CurrentStep { get; init; }

    /// <summary>What went wrong with the level as a whole (does not compile, the test process died before any test), in words.</summary>
    public string Message { get; init; } = "";

    /// <summary>Remarks about how the exercise was graded (for example: no starter snapshot, so every level counts as started).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

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

/// <summary>A compiler error, with a path relative to the repository root and a 1-based line.</summary>
internal sealed record DiagnosticReport(string File, int Line, string Code, string Message);

/// <summary>A level that was graded but did not count.</summary>
internal sealed record LevelSummary(string Level, ExerciseStatus Status, int PassedTests, int TotalTests);
