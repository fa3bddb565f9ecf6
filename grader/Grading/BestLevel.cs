using Grader.Reporting;

namespace Grader.Grading;

/// <summary>Picks the result that counts when a learner touched several levels.</summary>
internal static class BestLevel
{
    /// <summary>
    /// A passing level first; then the most passed tests; then the healthier status (failing over timeout over crash over
    /// build error); on a tie, the level listed first (the less guided one).
    /// </summary>
    public static ExerciseReport Choose(IReadOnlyList<ExerciseReport> graded)
    {
        if (graded.Count == 0)
            throw new ArgumentException("at least one graded level is needed", nameof(graded));
        return graded
            .Select((report, index) => (report, index))
            .OrderByDescending(x => x.report.Status == ExerciseStatus.Passed)
            .ThenByDescending(x => x.report.PassedTests)
            .ThenByDescending(x => Rank(x.report.Status))
            .ThenBy(x => x.index)
            .First().report;
    }

    private static int Rank(ExerciseStatus status) => status switch
    {
        ExerciseStatus.Passed => 5,
        ExerciseStatus.Failing => 4,
        ExerciseStatus.Timeout => 3,
        ExerciseStatus.Crashed => 2,
        ExerciseStatus.BuildError => 1,
        _ => 0,
    };
}
