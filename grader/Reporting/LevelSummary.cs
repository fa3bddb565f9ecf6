namespace Grader.Reporting;

/// <summary>A level that was graded but did not count.</summary>
internal sealed record LevelSummary(string Level, ExerciseStatus Status, int PassedTests, int TotalTests);
