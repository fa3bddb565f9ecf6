using Grader.Course;
using Grader.Tests.Support;

namespace Grader.Tests.Unit;

public class StarterSnapshotTests
{
    private string _root = "";
    private CourseLayout _layout = null!;
    private StarterSnapshot _snapshot = null!;

    [SetUp]
    public void CopyTheFixture()
    {
        _root = TestPaths.CopyOf(TestPaths.FixtureCourse);
        _layout = new CourseLayout(_root, CourseManifest.Load(Path.Combine(_root, "course.json")), solutions: false, suitesDirectory: null);
        _snapshot = StarterSnapshot.Load(_layout.StartersFile)!;
    }

    [TearDown]
    public void Remove() => Directory.Delete(_root, recursive: true);

    private LevelLocation Level(string exercise, string level) => _layout.Find(exercise).Levels.Single(l => l.Name == level);

    [Test]
    public void An_untouched_level_matches_its_starter()
    {
        Assert.That(_snapshot.IsUntouched(_layout.ExercisesDirectory, Level("04-untouched", "1-make-it-pass")), Is.True);
    }

    [Test]
    public void An_edited_level_is_started()
    {
        Assert.That(_snapshot.IsUntouched(_layout.ExercisesDirectory, Level("01-passes", "1-make-it-pass")), Is.False);
    }

    [Test]
    public void Windows_line_endings_do_not_count_as_a_change()
    {
        var file = Path.Combine(Level("04-untouched", "2-guided").Directory, "Calculator.cs");
        File.WriteAllText(file, File.ReadAllText(file).ReplaceLineEndings("\r\n"));
        Assert.That(_snapshot.IsUntouched(_layout.ExercisesDirectory, Level("04-untouched", "2-guided")), Is.True);
    }

    [Test]
    public void Build_output_does_not_count_but_a_new_cs_file_does()
    {
        var level = Level("04-untouched", "1-make-it-pass");
        Directory.CreateDirectory(Path.Combine(level.Directory, "bin"));
        File.WriteAllText(Path.Combine(level.Directory, "bin", "Extra.cs"), "// build output");
        Assert.That(_snapshot.IsUntouched(_layout.ExercisesDirectory, level), Is.True);

        File.WriteAllText(Path.Combine(level.Directory, "Helper.cs"), "namespace Untouched;");
        Assert.That(_snapshot.IsUntouched(_layout.ExercisesDirectory, level), Is.False);
    }

    [Test]
    public void A_deleted_starter_file_counts_as_started()
    {
        var level = Level("04-untouched", "1-make-it-pass");
        File.Delete(Path.Combine(level.Directory, "Calculator.cs"));
        Assert.That(_snapshot.IsUntouched(_layout.ExercisesDirectory, level), Is.False);
    }

    [Test]
    public void The_snapshot_knows_only_the_exercises_it_recorded()
    {
        Assert.That(_snapshot.Knows("f1/04-untouched"), Is.True);
        Assert.That(_snapshot.Knows("f1/99-new"), Is.False);
    }

    [Test]
    public void Computing_and_writing_round_trips()
    {
        var computed = StarterSnapshot.Compute(_layout);
        var path = Path.Combine(_root, "copy.json");
        File.WriteAllText(path, computed.ToJson());
        Assert.That(StarterSnapshot.Load(path)!.Differences(computed), Is.Empty);
        Assert.That(computed.Files.Keys, Does.Contain("f1/04-untouched/1-make-it-pass/Calculator.cs"));
    }
}
