namespace Grader.Reporting;

/// <summary>The result of one exercise at the level that counted.</summary>
internal sealed record ExerciseReport
{
    /// <summary>The exercise id (its folder name), e.g. <c>01-processes</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The exercise's title from course.json.</summary>
    public required string Title { get; init; }

    /// <summary>The status of the level that counted.</summary>
    public required ExerciseStatus Status { get; init; }

    /// <summary>The level that was graded and counted, <c>solution</c>, or null when not started.</summary>
    public string? Level { get; init; }

    /// <summary>How the level that counted was built: <c>roslyn</c> (in process) or <c>msbuild</c> (its project file asks for more); null when not started.</summary>
    public string? BuildPath { get; init; }

    /// <summary>Tests that passed, visible and hidden.</summary>
    public int PassedTests => Tests.Count(t => t.Status == TestStatus.Pass);

    /// <summary>Every test, visible and hidden.</summary>
    public int TotalTests => Tests.Count;

    /// <summary>Partial credit: the percentage of tests passed (0 to 100, one decimal); 0 when not started or not compiling.</summary>
    public double Score => Percent.Of(PassedTests, TotalTests);

    /// <summary>True when the exercise's visible tests differ from the kit's: they do not decide the grade, the hidden suite does.</summary>
    public bool Tampered { get; init; }

    /// <summary>Every test of the level that counted, in the order they were found (visible first).</summary>
    public IReadOnlyList<TestReport> Tests { get; init; } = [];

    /// <summary>Compiler errors, for a <c>build-error</c>.</summary>
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
