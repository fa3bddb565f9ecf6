using Grader.Reporting;

namespace Grader.Running;

/// <summary>Every test's result for one level, in discovery order, and a problem with the run itself if there was one.</summary>
internal sealed record TestRunOutcome(IReadOnlyList<TestReport> Tests, string? Problem);
