using System.Text.RegularExpressions;

namespace Grader.Reporting;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=...,line=...::message</c>) that put the report on the learner's
/// lines in a pull request's diff: one per compiler error, and one per failing test whose stack trace passes through
/// the learner's own code (not the tests').
/// </summary>
internal static partial class GitHubAnnotations
{
    private const int MaxAnnotations = 50; // GitHub shows only so many per step; the report has the rest

    /// <summary>The workflow command lines for <paramref name="report"/>.</summary>
    public static IReadOnlyList<string> For(GradeReport report)
    {
        var lines = new List<string>();
        foreach (var exercise in report.Releases.SelectMany(r => r.Exercises))
        {
            foreach (var d in exercise.Diagnostics.Where(d => d.File.Length > 0))
                lines.Add(Error(d.File, d.Line, $"{exercise.Id}: {d.Code}", d.Message));
            foreach (var test in exercise.Tests.Where(t => t.Status is not (TestStatus.Pass or TestStatus.Skipped)))
            {
                if (LearnerFrame(test.StackTrace) is { } frame)
                    lines.Add(Error(frame.File, frame.Line, $"{exercise.Id}: {test.Name} ({StatusText.Word(test.Status)})", test.Message));
            }
        }

        return lines.Take(MaxAnnotations).ToList();
    }

    /// <summary>The first stack frame in a learner's file (under <c>exercises/</c> or <c>solutions/</c>, outside <c>tests/</c>).</summary>
    public static (string File, int Line)? LearnerFrame(string stackTrace)
    {
        foreach (Match match in Frame().Matches(stackTrace))
        {
            var file = match.Groups["file"].Value.Replace('\\', '/');
            if ((file.StartsWith("exercises/", StringComparison.Ordinal) || file.StartsWith("solutions/", StringComparison.Ordinal))
                && !file.Contains("/tests/", StringComparison.Ordinal))
                return (file, int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        return null;
    }

    private static string Error(string file, int line, string title, string message) =>
        $"::error file={Property(file)},line={line},title={Property(title)}::{Data(message.Trim())}";

    // The escapes GitHub's runner undoes: data escapes %, CR and LF; properties also ':' and ','.
    private static string Data(string text) => text.Replace("%", "%25", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text) => Data(text)
        .Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    [GeneratedRegex(@" in (?<file>[^\r\n]+?):line (?<line>\d+)")]
    private static partial Regex Frame();
}
