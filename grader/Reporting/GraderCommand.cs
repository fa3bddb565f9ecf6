namespace Grader.Reporting;

/// <summary>How messages name the grader when they tell the learner what to run next.</summary>
internal static class GraderCommand
{
    /// <summary>
    /// The launcher at the repository's root (<c>grade</c>, and <c>grade.cmd</c> on Windows): it runs the built
    /// grader directly, without <c>dotnet run</c>'s build check on every command.
    /// </summary>
    public const string Name = "./grade";
}
