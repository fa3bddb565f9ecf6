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
}
