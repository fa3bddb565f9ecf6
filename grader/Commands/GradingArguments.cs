using Grader.Running;

namespace Grader.Commands;

/// <summary>The grading options as values.</summary>
internal sealed record GradingArguments(
    string? Root,
    bool Solutions,
    string Format,
    string? OutputFile,
    string? SuitesDirectory,
    RunLimits Limits,
    string? WorkDirectory)
{
    /// <summary>True for <c>--format json</c>.</summary>
    public bool Json => Format == "json";
}
