using Spectre.Console;

namespace Grader.Reporting;

/// <summary>Renders a grading report for people: per release, progress bars (exercises, tests, score) and a table of exercises.</summary>
internal static class ConsoleReport
{
    /// <summary>Writes the whole report to <paramref name="console"/>.</summary>
    public static void Render(IAnsiConsole console, GradeReport report, string courseTitle)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(courseTitle)}[/] [grey]({Markup.Escape(report.Source)})[/]").LeftJustified());
        foreach (var release in report.Releases)
        {
            console.WriteLine();
            console.MarkupLine($"[bold]{Markup.Escape(release.Id)}: {Markup.Escape(release.Title)}[/]");
            console.Write(Bars(release));
            console.Write(Table(release));
            foreach (var exercise in release.Exercises)
            {
                if (exercise.Message.Length > 0)
                    console.MarkupLine($"  [bold]{Markup.Escape(exercise.Id)}[/]: {Markup.Escape(exercise.Message)}");

                // A timeout or crash names the test it happened in, so the learner knows where to look.
                foreach (var test in exercise.Tests.Where(t => t.Status is TestStatus.Timeout or TestStatus.Crash && !t.Message.StartsWith("not run", StringComparison.Ordinal)))
                    console.MarkupLine($"  [bold]{Markup.Escape(exercise.Id)}[/]: {Markup.Escape(test.Name)}: {Markup.Escape(test.Message)}");
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
            console.MarkupLine($"[bold]Summary:[/] {exercises.Count(e => e.Status == ExerciseStatus.Passed)}/{exercises.Count} exercises passed, "
                + $"{exercises.Sum(e => e.PassedTests)}/{exercises.Sum(e => e.TotalTests)} tests passed in the {graded} graded, "
                + $"score {Percent.Text(Math.Round(exercises.Average(e => e.Score), 1))}.");
        }

        console.MarkupLine("[grey]Details of one exercise: dotnet run --project grader -- check <exercise>[/]");
    }

    private static BarChart Bars(ReleaseReport release) => new BarChart()
        .Width(60)
        .HideValues()
        .WithMaxValue(100)
        .AddItem($"Exercises {release.PassedExercises}/{release.TotalExercises}", Percent.Of(release.PassedExercises, release.TotalExercises), Color.Green)
        .AddItem($"Tests {release.PassedTests}/{release.TotalTests}", Percent.Of(release.PassedTests, release.TotalTests), Color.Blue)
        .AddItem($"Score {Percent.Text(release.Score)}", release.Score, Color.Yellow);

    private static Table Table(ReleaseReport release)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Exercise")
            .AddColumn("Title")
            .AddColumn("Status")
            .AddColumn("Level")
            .AddColumn(new TableColumn("Tests").RightAligned())
            .AddColumn(new TableColumn("Score").RightAligned());
        foreach (var exercise in release.Exercises)
        {
            table.AddRow(
                Markup.Escape(exercise.Id),
                Markup.Escape(exercise.Title),
                StatusText.Markup(exercise.Status),
                Markup.Escape(exercise.Level ?? "-"),
                exercise.Status is ExerciseStatus.NotStarted or ExerciseStatus.BuildError ? "-" : $"{exercise.PassedTests}/{exercise.TotalTests}",
                Percent.Text(exercise.Score));
        }

        return table;
    }
}
