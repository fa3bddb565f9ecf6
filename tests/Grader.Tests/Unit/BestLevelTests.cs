using Grader.Grading;
using Grader.Reporting;

namespace Grader.Tests.Unit;

public class BestLevelTests
{
    private static ExerciseReport Level(string name, ExerciseStatus status, int passed, int total) => new()
    {
        Id = "x",
        Title = "X",
        Status = status,
        Level = name,
        Tests = Enumerable.Range(0, total).Select(i => new TestReport
        {
            Name = $"T.{i}",
            Suite = TestSuite.Visible,
            Status = i < passed ? TestStatus.Pass : TestStatus.Fail,
        }).ToList(),
    };

    [Test]
    public void A_passing_level_counts_over_one_with_more_passed_tests()
    {
        var best = BestLevel.Choose([Level("1-make-it-pass", ExerciseStatus.Failing, 9, 10), Level("2-guided", ExerciseStatus.Passed, 8, 8)]);
        Assert.That(best.Level, Is.EqualTo("2-guided"));
    }

    [Test]
    public void Otherwise_the_level_with_most_passed_tests_counts()
    {
        var best = BestLevel.Choose([Level("1-make-it-pass", ExerciseStatus.Failing, 2, 10), Level("2-guided", ExerciseStatus.Timeout, 5, 10)]);
        Assert.That(best.Level, Is.EqualTo("2-guided"));
    }

    [Test]
    public void On_a_tie_a_compiling_level_beats_a_build_error_and_then_the_first_level_wins()
    {
        Assert.That(BestLevel.Choose([Level("1", ExerciseStatus.BuildError, 0, 0), Level("2", ExerciseStatus.Failing, 0, 4)]).Level, Is.EqualTo("2"));
        Assert.That(BestLevel.Choose([Level("1", ExerciseStatus.Failing, 3, 4), Level("2", ExerciseStatus.Failing, 3, 4)]).Level, Is.EqualTo("1"));
    }
}
