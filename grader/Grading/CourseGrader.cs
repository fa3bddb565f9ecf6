using Grader.Course;
using Grader.Reporting;

namespace Grader.Grading;

/// <summary>Grades a whole course (or a chosen set of exercises) into a <see cref="GradeReport"/>.</summary>
internal sealed class CourseGrader
{
    private readonly CourseLayout _layout;
    private readonly ExerciseGrader _grader;
    private readonly List<string> _notes = [];

    public CourseGrader(CourseLayout layout, GradeSettings settings, TimeProvider time)
    {
        _layout = layout;
        StarterSnapshot? starters = null;
        if (!layout.GradeSolutions)
        {
            starters = StarterSnapshot.Load(layout.StartersFile);
            if (starters is null)
                _notes.Add("grader/starters.json is missing, so every level counts as started (create it with `dotnet run --project grader -- starters --update`).");
        }

        _grader = new ExerciseGrader(layout, starters, settings, time);
    }

    /// <summary>Grades the exercises <paramref name="include"/> accepts (all by default), reporting each as it finishes.</summary>
    public async Task<GradeReport> GradeAsync(
        Func<ExerciseLocation, bool>? include, Action<ExerciseLocation>? starting, CancellationToken cancellationToken)
    {
        var releases = new List<ReleaseReport>();
        foreach (var release in _layout.Manifest.Releases)
        {
            var exercises = new List<ExerciseReport>();
            foreach (var exercise in release.Exercises)
            {
                var location = _layout.Locate(release, exercise);
                if (include is not null && !include(location))
                    continue;
                starting?.Invoke(location);
                exercises.Add(await _grader.GradeAsync(location, cancellationToken));
            }

            if (include is null || exercises.Count > 0)
                releases.Add(new ReleaseReport { Id = release.Id, Title = release.Title, Exercises = exercises });
        }

        return new GradeReport { Source = _layout.Source, Releases = releases, Notes = _notes };
    }
}
