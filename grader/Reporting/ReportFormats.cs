using Spectre.Console;

namespace Grader.Reporting;

/// <summary>The report formats, and rendering a report in one of them as text.</summary>
internal static class ReportFormats
{
    public const string Console = "console";
    public const string Json = "json";
    public const string Markdown = "markdown";
    public const string JUnit = "junit";

    /// <summary>Every format, in the order help lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Console, Json, Markdown, JUnit];

    /// <summary>
    /// The report as text in <paramref name="format"/>; for <c>console</c>, <paramref name="renderConsole"/> draws it on
    /// a plain, colourless console 120 columns wide.
    /// </summary>
    public static string Render(string format, GradeReport report, string courseTitle, Action<IAnsiConsole> renderConsole) => format switch
    {
        Json => JsonReport.Serialize(report),
        Markdown => MarkdownReport.Render(report, courseTitle),
        JUnit => JUnitReport.Render(report),
        _ => PlainText(renderConsole),
    };

    private static string PlainText(Action<IAnsiConsole> renderConsole)
    {
        var text = new StringWriter();
        var plain = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(text),
        });
        plain.Profile.Width = 120;
        renderConsole(plain);
        return text.ToString();
    }
}
