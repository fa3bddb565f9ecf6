using System.Text;

namespace Grader.Reporting;

/// <summary>
/// Renders the report as GitHub-flavoured markdown, for a CI job summary or a pull-request comment: progress per
/// release, a table of exercises, and the failing tests of each exercise in a collapsed section.
/// </summary>
internal static class MarkdownReport
{
    private const int MaxMessageLength = 300;

    /// <summary>The report as markdown.</summary>
    public static string Render(GradeReport report, string courseTitle)
    {
        var md = new StringBuilder();
        md.Append("## ").Append(Escape(courseTitle)).Append(" (").Append(Escape(report.Source)).Append(")\n");
        foreach (var release in report.Releases)
        {
            md.Append("\n### ").Append(Escape(release.Id)).Append(": ").Append(Escape(release.Title)).Append('\n');
            md.Append($"\n**Exercises** {release.PassedExercises}/{release.TotalExercises} passed · **Tests** {release.PassedTests}/{release.TotalTests} passed · **Score** {Percent.Text(release.Score)}\n\n");
            md.Append("| Exercise | Status | Level | Tests | Score |\n|---|---|---|---|---:|\n");
            foreach (var e in release.Exercises)
            {
                var tests = e.Status is ExerciseStatus.NotStarted or ExerciseStatus.BuildError ? "-" : $"{e.PassedTests}/{e.TotalTests}";
                var tampered = e.Tampered ? " ⚠️ tests changed" : "";
                md.Append($"| {Escape(e.Id)}: {Escape(e.Title)} | {Icon(e.Status)} {Word(e.Status)}{tampered} | {Escape(e.Level ?? "-")} | {tests} | {Percent.Text(e.Score)} |\n");
            }

            foreach (var e in release.Exercises.Where(e => e.Message.Length > 0 || e.Tests.Any(Failed) || e.Diagnostics.Count > 0 || e.Notes.Count > 0))
                Details(md, e);
        }

        foreach (var note in report.Notes)
            md.Append("\n> ").Append(Escape(note)).Append('\n');
        return md.ToString();
    }

    private static void Details(StringBuilder md, ExerciseReport e)
    {
        md.Append($"\n<details><summary>{Escape(e.Id)}: {Word(e.Status)}</summary>\n\n");
        if (e.Message.Length > 0)
            md.Append(Escape(e.Message)).Append("\n\n");
        foreach (var d in e.Diagnostics)
            md.Append($"- `{d.File}:{d.Line}` {d.Code}: {Escape(d.Message)}\n");
        foreach (var t in e.Tests.Where(Failed))
            md.Append($"- **{Escape(t.Name)}** ({t.Suite.ToString().ToLowerInvariant()}, {StatusText.Word(t.Status)}): {Escape(Shorten(t.Message))}\n");
        foreach (var note in e.Notes)
            md.Append($"- _note:_ {Escape(note)}\n");
        md.Append("\n</details>\n");
    }

    private static bool Failed(TestReport test) => test.Status is not (TestStatus.Pass or TestStatus.Skipped);

    private static string Icon(ExerciseStatus status) => status switch
    {
        ExerciseStatus.Passed => "✅",
        ExerciseStatus.NotStarted => "⚪",
        ExerciseStatus.Failing => "🟡",
        _ => "🔴",
    };

    private static string Word(ExerciseStatus status) => StatusText.Word(status).Replace('-', ' ');

    private static string Shorten(string message)
    {
        var oneLine = string.Join(" ", message.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return oneLine.Length <= MaxMessageLength ? oneLine : oneLine[..MaxMessageLength] + "…";
    }

    /// <summary>Keeps learner-controlled text from breaking the table or injecting markup.</summary>
    private static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("`", "\\`", StringComparison.Ordinal)
        .Replace("\n", " ", StringComparison.Ordinal);
}
