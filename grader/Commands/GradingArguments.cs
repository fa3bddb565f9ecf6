using Grader.Running;

namespace Grader.Commands;

/// <summary>The grading options as values.</summary>
internal sealed record GradingArguments(
    string? Root,
    bool Solutions,
    string Format,
    string? OutputFile,
    IReadOnlyList<(string Format, string File)> Reports,
    string? SuitesDirectory,
    RunLimits Limits,
    string? WorkDirectory,
    string? Level = null,
    int Parallelism = 0,
    bool NoCache = false,
    bool Sandbox = false)
{
    /// <summary>True unless <c>--format console</c> (the default): the report is for machines, so no spinner.</summary>
    public bool MachineReadable => Format != Grader.Reporting.ReportFormats.Console;
}
