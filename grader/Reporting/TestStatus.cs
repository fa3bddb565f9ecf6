namespace Grader.Reporting;

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
