namespace Grader.Reporting;

/// <summary>A compiler error, with a path relative to the repository root and a 1-based line.</summary>
internal sealed record DiagnosticReport(string File, int Line, string Code, string Message);
