using Grader.Course;
using Grader.Reporting;
using Grader.Running;

namespace Grader.Grading;

/// <summary>
/// Grades a whole course (or a chosen set of exercises) into a <see cref="GradeReport"/>. Exercises are independent
/// (each has its own build output and test processes), so several are graded at once; the report keeps course order.
/// </summary>
internal sealed class CourseGrader
{
    private readonly CourseLayout _layout;
    private readonly ExerciseGrader _grader;
    private readonly int _parallelism;
    private readonly List<string> _notes = [];
    private readonly TestSandbox _sandbox;

    public CourseGrader(CourseLayout layout, GradeSettings settings, TimeProvider time)
    {
        _layout = layout;
        _parallelism = settings.EffectiveParallelism;
        StarterSnapshot? starters = StarterSnapshot.Load(layout.StartersFile);
        if (starters is null && !layout.GradeSolutions)
            _notes.Add("grader/starters.json is missing, so every level counts as started (create it with `dotnet run --project grader -- starters --update`).");
        _sandbox = TestSandbox.For(settings.Sandboxed);
        if (_sandbox.Note is { } sandboxNote)
            _notes.Add(sandboxNote);
        _grader = ExerciseGrader.Create(layout, starters, settings, _sandbox, time);
    }

    /// <summary>Grades the exercises <paramref name="include"/> accepts (all by default), reporting each as it starts and finishes.</summary>
    public async Task<GradeReport> GradeAsync(
        Func<ExerciseLocation, bool>? include, GradingProgress? progress, CancellationToken cancellationToken)
    {
        var selected = _layout.Manifest.Releases
            .Select(release => (release, exercises: release.Exercises
                .Select(exercise => _layout.Locate(release, exercise))
                .Where(location => include is null || include(location))
                .ToList()))
            .Where(r => include is null || r.exercises.Count > 0)
            .ToList();

        using var slots = new SemaphoreSlim(_parallelism);
        async Task<ExerciseReport> GradeOneAsync(ExerciseLocation location)
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                progress?.Started?.Invoke(location);
                // Compiling is synchronous CPU work: run it off the caller's thread so the exercises overlap.
                var report = await Task.Run(() => _grader.GradeAsync(location, cancellationToken), cancellationToken);
                progress?.Finished?.Invoke(location, report);
                return report;
            }
            finally
            {
                slots.Release();
            }
        }

        var jobs = selected.Select(r => (r.release, jobs: r.exercises.Select(GradeOneAsync).ToList())).ToList();
        var releases = new List<ReleaseReport>();
        foreach (var (release, releaseJobs) in jobs)
            releases.Add(new ReleaseReport { Id = release.Id, Title = release.Title, Exercises = await Task.WhenAll(releaseJobs) });

        return new GradeReport { Source = _layout.Source, Releases = releases, Notes = _notes, Sandbox = _sandbox.Name };
    }

    /// <summary>The exercises a grading run with <paramref name="include"/> covers, in course order.</summary>
    public IReadOnlyList<ExerciseLocation> Selected(Func<ExerciseLocation, bool>? include) =>
        _layout.Manifest.AllExercises.Select(x => _layout.Locate(x.Release, x.Exercise))
            .Where(location => include is null || include(location)).ToList();
}
