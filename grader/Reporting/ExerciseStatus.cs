namespace Grader.Reporting;

/// <summary>The state of one exercise in the report (serialised in kebab case: <c>not-started</c>).</summary>
internal enum ExerciseStatus
{
    Passed,
    Failing,
    NotStarted,
    BuildError,
    Timeout,
    Crashed,
}
