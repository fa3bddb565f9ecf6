using Grader.Running;

namespace Grader.Grading;

/// <summary>Everything a grading run needs to know beyond the course itself.</summary>
/// <param name="Limits">Time limits for tests.</param>
/// <param name="WorkDirectory">Where compiled output and scratch files go; null for <c>&lt;root&gt;/.grader</c>.</param>
internal sealed record GradeSettings(RunLimits Limits, string? WorkDirectory = null, string? Level = null);
