namespace Grader.Reporting;

/// <summary>Which assembly a test came from: the exercise's visible tests or the hidden suite.</summary>
internal enum TestSuite
{
    Visible,
    Hidden,
}
