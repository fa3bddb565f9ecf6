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

    /// <summary>What the learner's code ran in: <c>bubblewrap</c> (sandboxed) or <c>none</c>.</summary>
    public string Sandbox { get; init; } = "none";
}
