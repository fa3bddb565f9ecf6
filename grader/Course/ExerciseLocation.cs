namespace Grader.Course;

/// <summary>
/// The folders of one exercise: its levels that exist on disk, visible tests, given code (compiled into every level),
/// hidden suite and hints.
/// </summary>
internal sealed record ExerciseLocation(
    ReleaseInfo Release,
    ExerciseInfo Exercise,
    string ExerciseDirectory,
    string VisibleTestsDirectory,
    string GivenDirectory,
    string HiddenSuiteDirectory,
    string HintsFile,
    IReadOnlyList<LevelLocation> Levels)
{
    /// <summary><c>r1/01-processes</c>: how starters.json and messages name the exercise.</summary>
    public string Key => $"{Release.Id}/{Exercise.Id}";
}
