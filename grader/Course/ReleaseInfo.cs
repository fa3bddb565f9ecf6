namespace Grader.Course;

/// <summary>One release of the course.</summary>
internal sealed record ReleaseInfo
{
    public string Id { get; init; } = "";
    public string Title { get; init; } = "";
    public IReadOnlyList<ExerciseInfo> Exercises { get; init; } = [];
}
