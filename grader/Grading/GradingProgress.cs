using Grader.Course;
using Grader.Reporting;

namespace Grader.Grading;

/// <summary>Hooks a display uses to follow a grading run; called from several threads, one call at a time per exercise.</summary>
internal sealed class GradingProgress
{
    /// <summary>An exercise is about to be graded.</summary>
    public Action<ExerciseLocation>? Started { get; init; }

    /// <summary>An exercise has been graded.</summary>
    public Action<ExerciseLocation, ExerciseReport>? Finished { get; init; }
}
