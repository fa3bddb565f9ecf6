namespace Course.Tests;

/// <summary>
/// Every level and the solution expose the same public API, so the hidden suite compiles against whichever one the
/// learner works in, and so moving between levels never changes what the tests call.
/// </summary>
public sealed class PublicApiTests
{
    [TestCaseSource(typeof(Exercise), nameof(Exercise.All))]
    public void Every_level_exposes_exactly_the_solutions_public_API(Exercise exercise)
    {
        var solution = PublicApi.Of(exercise.SolutionFolder, exercise.GivenFolder);
        Assert.That(solution, Is.Not.Empty, "The solution has no public API.");

        Assert.Multiple(() =>
        {
            foreach (var level in Repo.Levels)
            {
                var api = PublicApi.Of(exercise.LevelFolder(level), exercise.GivenFolder);
                Assert.That(solution.Except(api), Is.Empty, $"{level} lacks these members of the solution's public API");
                Assert.That(api.Except(solution), Is.Empty, $"{level} has public members the solution does not");
            }
        });
    }

    [TestCaseSource(typeof(Exercise), nameof(Exercise.All))]
    public void Every_public_member_has_the_solutions_doc_comment_at_every_level(Exercise exercise)
    {
        var solution = PublicApi.DocComments(exercise.SolutionFolder, exercise.GivenFolder);

        Assert.Multiple(() =>
        {
            foreach (var level in Repo.Levels)
            {
                var differing = PublicApi.DocComments(exercise.LevelFolder(level), exercise.GivenFolder)
                    .Where(entry => solution.TryGetValue(entry.Key, out var answer) && answer != entry.Value)
                    .Select(entry => $"{entry.Key}\n    {level}: {Shown(entry.Value)}\n    solution: {Shown(solution[entry.Key])}");
                Assert.That(differing, Is.Empty,
                    $"{level}: a public member's doc comment promises something other than the solution's (the learner codes to the level's promise: make them say the same; the solution may add <remarks> on how it works)");
            }
        });
    }

    private static string Shown(string comment) => comment.Length == 0 ? "(none)" : comment;
}
