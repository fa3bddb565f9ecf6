namespace Grader.Tests.Support;

/// <summary>What one in-process run of the grader produced.</summary>
internal sealed record GraderRun(int ExitCode, string Console, string Out, string Error);
