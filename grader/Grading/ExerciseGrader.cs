using System.Text.RegularExpressions;
using Grader.Building;
using Grader.Course;
using Grader.Reporting;
using Grader.Running;

namespace Grader.Grading;

/// <summary>
/// Grades one exercise: finds the levels the learner touched, compiles and runs each, and keeps the best result.
/// Learner folders are only read; everything produced goes to the work directory.
/// </summary>
internal sealed partial class ExerciseGrader
{
    private readonly CourseLayout _layout;
    private readonly StarterSnapshot? _starters;
    private readonly BuildCache _cache;
    private readonly MsBuildCompiler _msbuild;
    private readonly TestProcessRunner _runner;
    private readonly ResultCache? _results;
    private readonly string? _onlyLevel;

    /// <param name="layout">The course.</param>
    /// <param name="starters">The starters' hashes (which levels are touched), or null when the snapshot is missing.</param>
    /// <param name="onlyLevel">Grade only this level, even untouched; null for every touched level.</param>
    /// <param name="cache">Compiles a level in process, keeping the output by a hash of its inputs.</param>
    /// <param name="msbuild">Builds a level whose project file is not the kit's one-liner.</param>
    /// <param name="runner">Runs the compiled tests in test processes.</param>
    /// <param name="results">Earlier results of unchanged code, or null to run every test again.</param>
    public ExerciseGrader(
        CourseLayout layout, StarterSnapshot? starters, string? onlyLevel,
        BuildCache cache, MsBuildCompiler msbuild, TestProcessRunner runner, ResultCache? results)
    {
        _layout = layout;
        _starters = starters;
        _onlyLevel = onlyLevel;
        _cache = cache;
        _msbuild = msbuild;
        _runner = runner;
        _results = results;
    }

    /// <summary>
    /// The grader with the real collaborators, everything produced going to the work directory. In a
    /// <paramref name="sandbox"/>, each test process gets a scratch folder under <c>&lt;work&gt;/sandbox/</c> and sees
    /// neither the course, the hidden suites' sources (wherever <c>--suites</c> put them) nor the work folder, apart from
    /// the compiled tests it runs and the assemblies they reference (such as the kit's runtime, from Release 2 on).
    /// </summary>
    public static ExerciseGrader Create(CourseLayout layout, StarterSnapshot? starters, GradeSettings settings, TestSandbox sandbox, TimeProvider time)
    {
        var work = Path.GetFullPath(settings.WorkDirectory ?? layout.WorkDirectory);
        var references = ReferenceSet.Default;
        var referenced = references.Paths.Select(p => Path.GetDirectoryName(p)!).Distinct(StringComparer.Ordinal).ToList();
        var session = new ChildSession(
            settings.Limits, time, sandbox, Path.Combine(work, "sandbox"), hidden: [layout.Root, layout.SuitesDirectory, work], readable: referenced);
        return new ExerciseGrader(
            layout,
            starters,
            settings.Level,
            new BuildCache(work, new RoslynCompiler(references, layout.RelativeToRoot), references),
            new MsBuildCompiler(work, layout.Root, references, layout.RelativeToRoot),
            new TestProcessRunner(settings.Limits, time, Path.Combine(work, "run"), session),
            // A sandboxed grade runs every test: a result kept from an unsandboxed run is not one to trust.
            settings.ReuseResults && !sandbox.IsOn ? new ResultCache(work, settings.Limits) : null);
    }

    /// <summary>The report for one exercise at its best level (or not started).</summary>
    public async Task<ExerciseReport> GradeAsync(ExerciseLocation location, CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        var touched = TouchedLevels(location, notes);
        var baseReport = new ExerciseReport
        {
            Id = location.Exercise.Id,
            Title = location.Exercise.Title,
            Status = ExerciseStatus.NotStarted,
            Notes = notes,
        };
        if (touched.Count == 0)
            return baseReport;
        if (!Directory.Exists(location.HiddenSuiteDirectory))
            notes.Add($"no hidden suite at {_layout.RelativeToRoot(location.HiddenSuiteDirectory)}: only the visible tests were run.");

        var graded = new List<ExerciseReport>();
        foreach (var level in touched)
            graded.Add(await GradeLevelAsync(location, level, baseReport, cancellationToken));

        var best = BestLevel.Choose(graded);
        var testChanges = _starters?.VisibleTestChanges(_layout.ExercisesDirectory, location.Key) ?? [];
        var bestNotes = best.Notes.ToList();
        if (testChanges.Count > 0)
        {
            bestNotes.Add($"the visible tests differ from the kit's ({string.Join("; ", testChanges.Take(3))}{(testChanges.Count > 3 ? "; ..." : "")}): "
                + "that is fine for experimenting, but the grade comes from the hidden suite, which they do not change.");
        }

        return best with
        {
            Tampered = testChanges.Count > 0,
            Notes = bestNotes,
            OtherLevels = graded.Where(g => !ReferenceEquals(g, best))
                .Select(g => new LevelSummary(g.Level!, g.Status, g.PassedTests, g.TotalTests)).ToList(),
        };
    }

    private List<LevelLocation> TouchedLevels(ExerciseLocation location, List<string> notes)
    {
        if (location.Levels.Count == 0)
        {
            notes.Add($"no level folders under {_layout.RelativeToRoot(location.ExerciseDirectory)} yet.");
            return [];
        }

        if (_layout.GradeSolutions)
            return [.. location.Levels];
        if (_onlyLevel is not null)
            return [.. location.Levels.Where(l => l.Name == _onlyLevel)]; // asked for by name: graded even if untouched
        if (_starters is null)
            return [.. location.Levels]; // the course-wide note says why
        if (!_starters.Knows(location.Key))
        {
            notes.Add($"grader/starters.json has no entry for {location.Key}, so every level counts as started "
                + "(a maintainer refreshes it with `dotnet run --project grader -- starters --update`).");
            return [.. location.Levels];
        }

        return location.Levels.Where(l => !_starters.IsUntouched(_layout.ExercisesDirectory, l)).ToList();
    }

    private async Task<ExerciseReport> GradeLevelAsync(
        ExerciseLocation location, LevelLocation level, ExerciseReport baseReport, CancellationToken cancellationToken)
    {
        var project = location.Exercise.Project;
        var request = new BuildRequest(
            $"{project}.{level.Name}",
            [.. SourceFiles.CSharp(level.Directory), .. SourceFiles.CSharp(location.GivenDirectory), .. SourceFiles.CSharp(location.VisibleTestsDirectory)],
            $"{project}.Hidden",
            SourceFiles.CSharp(location.HiddenSuiteDirectory));
        var (path, projectFile) = BuildPath.For(level.Directory);
        var build = projectFile is null
            ? _cache.Build(request, cancellationToken)
            : await _msbuild.BuildAsync(projectFile, request, [.. SourceFiles.All(level.Directory), .. request.Sources, .. BuildInputs()], cancellationToken);
        baseReport = baseReport with { BuildPath = path };
        if (!build.Success)
        {
            return baseReport with
            {
                Status = ExerciseStatus.BuildError,
                Level = level.Name,
                Message = build.Message,
                Diagnostics = build.Diagnostics,
            };
        }

        // Cached results are kept already counted: the visible tests are part of the build's inputs, so a cache hit needs
        // neither a test process nor the C# parser.
        var run = _results?.TryGet(build);
        if (run is null)
        {
            run = Counted(await _runner.RunAsync(build, cancellationToken), location);
            _results?.Store(build, run);
        }

        if (run.Uncounted > 0)
        {
            baseReport = baseReport with
            {
                Notes = [.. baseReport.Notes, $"{run.Uncounted} test{(run.Uncounted == 1 ? "" : "s")} declared outside the exercise's tests/ folder ran but did not count: only the kit's visible tests and the hidden suite do."],
            };
        }

        return baseReport with
        {
            Status = StatusOf(run),
            Level = level.Name,
            Tests = run.Tests.Select(WithRelativePaths).ToList(),
            Message = run.Problem ?? (run.Tests.Count == 0 ? "no tests were found." : ""),
            CurrentStep = run.Tests
                .Where(t => t.Suite == TestSuite.Visible && t.Step is not null && t.Status is not (TestStatus.Pass or TestStatus.Skipped))
                .Min(t => t.Step),
        };
    }

    /// <summary>
    /// Tests the learner declared in their own files ran, but only the kit's visible tests (classes declared in the
    /// exercise's <c>tests/</c> folder) and the hidden suite count.
    /// </summary>
    private static TestRunOutcome Counted(TestRunOutcome run, ExerciseLocation location)
    {
        var declared = VisibleTestClasses.Read(SourceFiles.CSharp(location.VisibleTestsDirectory));
        var counted = run.Tests.Where(t => t.Suite == TestSuite.Hidden || declared.Declares(t.FullName)).ToList();
        return counted.Count == run.Tests.Count ? run : run with { Tests = counted, Uncounted = run.Tests.Count - counted.Count };
    }

    /// <summary>The kit's build files an MSBuild build of a level depends on, besides the level's own files.</summary>
    private IEnumerable<string> BuildInputs() =>
        new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", "build/Exercise.props", "exercises/Directory.Build.props", "solutions/Directory.Build.props" }
            .Select(f => Path.Combine(_layout.Root, f));

    /// <summary>Stack traces and crash output name files relative to the repository root, like diagnostics do.</summary>
    private TestReport WithRelativePaths(TestReport test) => test with
    {
        Message = Relative(test.Message),
        StackTrace = Relative(test.StackTrace),
        Output = Relative(test.Output),
    };

    /// <summary>
    /// Paths made relative to the repository root; a hidden suite's own file and line are left out (" in
    /// grader/suites/...:line 12"): they point the learner at code they are not meant to read, and the test's name and
    /// message say what it checks.
    /// </summary>
    private string Relative(string text) =>
        HiddenSuiteLocation().Replace(text.Replace(_layout.Root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal), "");

    [GeneratedRegex(@" in [^\n]*?grader[/\\]suites[/\\][^\n]*?:line \d+")]
    private static partial Regex HiddenSuiteLocation();

    /// <summary>The exercise's status from its tests: a timeout or crash is named even if other tests pass.</summary>
    public static ExerciseStatus StatusOf(TestRunOutcome run)
    {
        var tests = run.Tests;
        if (tests.Any(t => t.Status == TestStatus.Timeout) || (tests.Count == 0 && run.Problem is not null && run.ProblemWasTimeout))
            return ExerciseStatus.Timeout;
        if (tests.Any(t => t.Status == TestStatus.Crash) || (tests.Count == 0 && run.Problem is not null))
            return ExerciseStatus.Crashed;
        if (tests.Count > 0 && tests.All(t => t.Status is TestStatus.Pass or TestStatus.Skipped) && tests.Any(t => t.Status == TestStatus.Pass))
            return ExerciseStatus.Passed;
        return ExerciseStatus.Failing;
    }
}
