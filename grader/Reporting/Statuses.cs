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

/// <summary>The outcome of one test in the report.</summary>
internal enum TestStatus
{
    Pass,
    Fail,
    Error,
    Timeout,
    Crash,
    Skipped,
}

/// <summary>Which assembly a test came from: the exercise's visible tests or the hidden suite.</summary>
internal enum TestSuite
{
    Visible,
    Hidden,
}
