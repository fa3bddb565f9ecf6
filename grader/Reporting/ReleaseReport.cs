namespace Grader.Reporting;

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
