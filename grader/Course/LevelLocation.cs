namespace Grader.Course;

/// <summary>One help level of an exercise (or the solution) and its folder.</summary>
internal sealed record LevelLocation(string Name, string Directory);
