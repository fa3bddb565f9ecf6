using Grader.Reporting;

namespace Grader.Running;

/// <summary>Every test's result for one level, in discovery order, and a problem with the run itself if there was one.</summary>
/// <param name="Tests">The results, in the order the tests were found.</param>
/// <param name="Problem">What went wrong with the run as a whole, in words; null when nothing did.</param>
/// <param name="ProblemWasTimeout">True when the problem is that the process stopped responding (rather than died).</param>
internal sealed record TestRunOutcome(IReadOnlyList<TestReport> Tests, string? Problem, bool ProblemWasTimeout = false)
{
    /// <summary>Tests that ran but do not count (declared outside the exercise's <c>tests/</c> folder), left out of <see cref="Tests"/>.</summary>
    public int Uncounted { get; init; }
}
