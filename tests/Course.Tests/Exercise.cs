namespace Course.Tests;

/// <summary>One exercise of the manifest, with the paths the conventions of docs/AUTHORING.md give it.</summary>
public sealed record Exercise(string Release, string Id, string Project)
{
    internal string Folder => Repo.PathOf("exercises", Release, Id);

    internal string SolutionFolder => Repo.PathOf("solutions", Release, Id);

    /// <summary>Code handed to the learner complete, compiled into every level and the solution (may not exist).</summary>
    internal string GivenFolder => Path.Combine(Folder, "given");

    internal string SuiteFolder => Repo.PathOf("grader", "suites", Id);

    internal string LevelFolder(string level) => Path.Combine(Folder, level);

    /// <summary>Every folder holding the exercise's API: the three levels, then the solution.</summary>
    internal IEnumerable<(string Name, string Folder)> ApiFolders() =>
        Repo.Levels.Select(level => (level, LevelFolder(level))).Append(("solution", SolutionFolder));

    internal static IEnumerable<TestCaseData> All() =>
        Repo.Exercises.Select(exercise => new TestCaseData(exercise).SetArgDisplayNames(exercise.Id));

    public override string ToString() => Id;
}
