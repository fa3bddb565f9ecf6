using Spectre.Console;

namespace Grader.Reporting;

/// <summary>
/// Renders a grading report for people: per release, bars for the exercises passed and the score, a line for the
/// tests, a table of exercises; then what to do next. Exercise ids never wrap, whatever the width of the terminal.
/// </summary>
internal static class ConsoleReport
{
    /// <summary>Writes the whole report to <paramref name="console"/>.</summary>
    /// <param name="next">What to do next (markup lines, from <see cref="NextStep.After"/>).</param>
    public static void Render(IAnsiConsole console, GradeReport report, string courseTitle, IReadOnlyList<NextStep.Line> next)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(courseTitle)}[/] [grey]({Markup.Escape(report.Source)})[/]").LeftJustified());
        foreach (var release in report.Releases)
        {
            console.WriteLine();
            console.MarkupLine($"[bold]{Markup.Escape(release.Id)}: {Markup.Escape(release.Title)}[/]");
            console.Write(Bars(release));
            console.MarkupLine(TestsLine(release));
            console.Write(Table(release, console.Profile.Width));
            foreach (var exercise in release.Exercises)
            {
                if (exercise.Message.Length > 0)
                    console.MarkupLine($"  [bold]{Markup.Escape(exercise.Id)}[/]: {Markup.Escape(exercise.Message)}");

                // A timeout or crash names the test it happened in, so the learner knows where to look.
                // The test's name is written whole, its message below it, wrapped between words.
                foreach (var test in exercise.Tests.Where(t => t.Status is TestStatus.Timeout or TestStatus.Crash && !t.Message.StartsWith("not run", StringComparison.Ordinal)))
                {
                    console.Write(new Unwrapped($"  [bold]{Markup.Escape(exercise.Id)}[/]: {Markup.Escape(test.Name)}:"));
                    console.Write(new Padder(new Text(test.Message.TrimEnd()), new Padding(4, 0, 0, 0)));
                }
            }
        }

        var notes = report.Notes.Concat(report.Releases.SelectMany(r => r.Exercises).SelectMany(e => e.Notes.Select(n => $"{e.Id}: {n}")));
        foreach (var note in notes)
            console.MarkupLine($"[grey]note: {Markup.Escape(note)}[/]");
        console.WriteLine();
        var exercises = report.Releases.SelectMany(r => r.Exercises).ToList();
        if (exercises.Count > 0)
        {
            var graded = exercises.Count(e => e.Status != ExerciseStatus.NotStarted);
            if (graded == 0)
                console.MarkupLine($"[bold]Summary:[/] none of the {exercises.Count} exercises started yet, score 0%.");
            else
                console.MarkupLine($"[bold]Summary:[/] {exercises.Count(e => e.Status == ExerciseStatus.Passed)}/{exercises.Count} exercises passed, "
                + $"{exercises.Sum(e => e.PassedTests)}/{exercises.Sum(e => e.TotalTests)} tests passed in the {graded} graded, "
                + $"score {Percent.Text(Math.Round(exercises.Average(e => e.Score), 1))}.");
        }

        NextStep.Write(console, next);
    }

    // The bars show what they count: exercises passed of all, and the score (each exercise weighs the same, one not
    // started counts 0). Tests passed are a line instead: they count only the exercises graded, so a full bar beside
    // a low score would mislead.
    private static BarChart Bars(ReleaseReport release) => new BarChart()
        .Width(60)
        .HideValues()
        .WithMaxValue(100)
        .AddItem($"Exercises passed {release.PassedExercises}/{release.TotalExercises}", Percent.Of(release.PassedExercises, release.TotalExercises), Color.Green)
        .AddItem($"Score {Percent.Text(release.Score)}", release.Score, Color.Yellow);

    private static string TestsLine(ReleaseReport release)
    {
        var graded = release.Exercises.Count(e => e.Status != ExerciseStatus.NotStarted);
        return graded == 0
            ? "[grey]No exercise of this release started yet.[/]"
            : $"[grey]Tests passed: {release.PassedTests}/{release.TotalTests} in the {graded} exercise{(graded == 1 ? "" : "s")} started "
                + $"(of {release.TotalExercises}).[/]";
    }

    // Ids, levels and numbers never wrap (a broken "03-functional-co re" is unreadable); titles wrap between words,
    // and on a narrow terminal (under 100 columns) give way altogether, since the id already names the exercise.
    private static Table Table(ReleaseReport release, int width)
    {
        var withTitles = width >= 100;
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Exercise").NoWrap());
        if (withTitles)
            table.AddColumn("Title");
        table.AddColumn(new TableColumn("Status").NoWrap())
            .AddColumn(new TableColumn("Level").NoWrap())
            .AddColumn(new TableColumn("Tests").RightAligned().NoWrap())
            .AddColumn(new TableColumn("Score").RightAligned().NoWrap());
        foreach (var exercise in release.Exercises)
        {
            var cells = new List<string> { Markup.Escape(exercise.Id) };
            if (withTitles)
                cells.Add(Markup.Escape(exercise.Title));
            cells.AddRange(
            [
                StatusText.Markup(exercise.Status),
                Markup.Escape(exercise.Level ?? "-"),
                exercise.Status is ExerciseStatus.NotStarted or ExerciseStatus.BuildError ? "-" : $"{exercise.PassedTests}/{exercise.TotalTests}",
                Percent.Text(exercise.Score),
            ]);
            table.AddRow(cells.ToArray());
        }

        return table;
    }
}
