namespace Grader.Reporting;

/// <summary>Progress in one release.</summary>
internal sealed record ReleaseReport
{
    /// <summary>The release id from course.json, e.g. <c>r1</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The release's title from course.json.</summary>
    public required string Title { get; init; }

    /// <summary>Exercises whose status is <c>passed</c>.</summary>
    public int PassedExercises => Exercises.Count(e => e.Status == ExerciseStatus.Passed);

    /// <summary>Every exercise of the release (graded or not).</summary>
    public int TotalExercises => Exercises.Count;

    /// <summary>Passed tests over the graded exercises (a not-started exercise adds none).</summary>
    public int PassedTests => Exercises.Sum(e => e.PassedTests);

    /// <summary>Tests of the graded exercises, visible and hidden.</summary>
    public int TotalTests => Exercises.Sum(e => e.TotalTests);

    /// <summary>
    /// Partial credit for the release, 0 to 100: the mean of its exercises' scores, each exercise weighing the same
    /// and one not started counting 0, so finishing one exercise of five scores 20 whatever its number of tests.
    /// </summary>
    public double Score => Exercises.Count == 0 ? 0 : Math.Round(Exercises.Average(e => e.Score), 1);

    /// <summary>The exercises in course order.</summary>
    public required IReadOnlyList<ExerciseReport> Exercises { get; init; }
}
