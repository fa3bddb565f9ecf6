namespace Grader.Course;

/// <summary>Where everything of one course lives on disk, and which tree (exercises or solutions) is being graded.</summary>
internal sealed class CourseLayout
{
    /// <summary>The level name used for <c>solutions/&lt;release&gt;/&lt;exercise&gt;/</c>.</summary>
    public const string SolutionLevel = "solution";

    private readonly string? _suitesOverride;

    public CourseLayout(string root, CourseManifest manifest, bool solutions, string? suitesDirectory)
    {
        Root = root;
        Manifest = manifest;
        GradeSolutions = solutions;
        _suitesOverride = suitesDirectory is null ? null : Path.GetFullPath(suitesDirectory, root);
    }

    /// <summary>Absolute path of the repository root (the folder holding <c>course.json</c>).</summary>
    public string Root { get; }

    public CourseManifest Manifest { get; }

    /// <summary>True when <c>solutions/</c> is graded instead of the learner's <c>exercises/</c>.</summary>
    public bool GradeSolutions { get; }

    public string ExercisesDirectory => Path.Combine(Root, "exercises");

    public string SolutionsDirectory => Path.Combine(Root, "solutions");

    public string SuitesDirectory => _suitesOverride ?? Path.Combine(Root, "grader", "suites");

    public string StartersFile => Path.Combine(Root, "grader", "starters.json");

    /// <summary>The starter files' content, for <c>reset</c>.</summary>
    public string StarterArchiveFile => Path.Combine(Root, "grader", "starters.zip");

    /// <summary>Where the grader keeps compiled output; git-ignored, never inside a learner's folder.</summary>
    public string WorkDirectory => Path.Combine(Root, ".grader");

    /// <summary>The report's <c>source</c>: <c>exercises</c> or <c>solutions</c>.</summary>
    public string Source => GradeSolutions ? "solutions" : "exercises";

    /// <summary>Finds an exercise by id, or throws a <see cref="CourseException"/> listing the ids there are.</summary>
    public ExerciseLocation Find(string exerciseId)
    {
        foreach (var (release, exercise) in Manifest.AllExercises)
        {
            if (string.Equals(exercise.Id, exerciseId, StringComparison.OrdinalIgnoreCase))
                return Locate(release, exercise);
        }

        var ids = string.Join(", ", Manifest.AllExercises.Select(x => x.Exercise.Id));
        throw new CourseException($"no exercise \"{exerciseId}\" in course.json; the exercises are: {ids}.");
    }

    /// <summary>Where one exercise's files are.</summary>
    public ExerciseLocation Locate(ReleaseInfo release, ExerciseInfo exercise)
    {
        var exerciseDir = Path.Combine(ExercisesDirectory, release.Id, exercise.Id);
        var suite = _suitesOverride is null && exercise.Suite is not null
            ? Path.GetFullPath(exercise.Suite, Root)
            : Path.Combine(SuitesDirectory, exercise.Id);
        IReadOnlyList<LevelLocation> levels = GradeSolutions
            ? [new LevelLocation(SolutionLevel, Path.Combine(SolutionsDirectory, release.Id, exercise.Id))]
            : Manifest.Levels.Select(l => new LevelLocation(l, Path.Combine(exerciseDir, l))).ToList();
        return new ExerciseLocation(
            release,
            exercise,
            exerciseDir,
            VisibleTestsDirectory: Path.Combine(exerciseDir, "tests"),
            GivenDirectory: Path.Combine(exerciseDir, "given"),
            HiddenSuiteDirectory: suite,
            HintsFile: Path.Combine(exerciseDir, "hints.md"),
            Levels: levels.Where(l => Directory.Exists(l.Directory)).ToList());
    }

    /// <summary>A path relative to the repository root with '/' separators, for reports and messages.</summary>
    public string RelativeToRoot(string path) => SourceFiles.Relative(Root, path);
}
