using Spectre.Console;

namespace Grader.Reporting;

/// <summary>Renders every exercise of the course in order, one row each: release, id, title, status, level.</summary>
internal static class ListReport
{
    /// <summary>Writes the list to <paramref name="console"/>.</summary>
    public static void Render(IAnsiConsole console, GradeReport report)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Release").NoWrap())
            .AddColumn(new TableColumn("Exercise").NoWrap())
            .AddColumn("Title") // wraps between words; ids, statuses and levels never wrap
            .AddColumn(new TableColumn("Status").NoWrap())
            .AddColumn(new TableColumn("Level").NoWrap());
        foreach (var release in report.Releases)
        {
            foreach (var exercise in release.Exercises)
            {
                table.AddRow(
                    Markup.Escape(release.Id),
                    Markup.Escape(exercise.Id),
                    Markup.Escape(exercise.Title),
                    StatusText.Markup(exercise.Status),
                    Markup.Escape(exercise.Level ?? "-"));
            }
        }

        console.Write(table);
    }
}
