using Grader.Course;
using Spectre.Console;

namespace Grader.Reporting;

/// <summary>Renders one exercise in detail: every failing test with its message, compiler errors, and the first hint of the step the learner is on.</summary>
internal static class CheckReport
{
    private const int MaxMessageLength = 600;

    /// <summary>Writes the exercise's details to <paramref name="console"/>.</summary>
    public static void Render(IAnsiConsole console, ExerciseReport exercise, HintBook hints)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(exercise.Id)}[/]: {Markup.Escape(exercise.Title)}").LeftJustified());
        var level = exercise.Level is null ? "" : $" at level [bold]{Markup.Escape(exercise.Level)}[/]";
        var tests = exercise.Status is ExerciseStatus.NotStarted or ExerciseStatus.BuildError ? "" : $", {exercise.PassedTests}/{exercise.TotalTests} tests pass";
        console.MarkupLine($"{StatusText.Markup(exercise.Status)}{level}{tests}");
        if (exercise.Message.Length > 0)
            console.MarkupLine(Markup.Escape(exercise.Message));

        // Lists, not tables: a long test name and a multi-line message stay readable on an 80-column terminal.
        foreach (var d in exercise.Diagnostics)
        {
            console.MarkupLine($"[red]✗[/] [bold]{Markup.Escape($"{d.File}:{d.Line}")}[/] {Markup.Escape(d.Code)}");
            console.Write(Indented(d.Message));
        }

        var failing = exercise.Tests.Where(t => t.Status is not (TestStatus.Pass or TestStatus.Skipped)).ToList();
        if (failing.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine($"[bold]{(failing.Count == 1 ? "1 test fails" : $"{failing.Count} tests fail")}:[/]");
        }

        foreach (var test in failing)
        {
            console.MarkupLine($"[red]✗[/] [bold]{Markup.Escape(test.Name)}[/]");
            var kind = $"{test.Suite.ToString().ToLowerInvariant()} test, {StatusText.Word(test.Status)}";
            console.Write(Indented(test.Message.Length > 0 ? $"{kind}: {Shorten(test.Message)}" : kind));
        }

        foreach (var note in exercise.Notes)
            console.MarkupLine($"[grey]note: {Markup.Escape(note)}[/]");

        if (exercise.CurrentStep is int step)
        {
            var hint = hints.For(step).FirstOrDefault();
            console.MarkupLine(hint is null
                ? $"You are on step {step}. (No hints for this step yet.)"
                : $"You are on step {step}. [bold]Hint:[/] {Markup.Escape(hint)}");
        }
        else if (exercise.Status == ExerciseStatus.Failing
            && exercise.Tests.Where(t => t.Suite == TestSuite.Visible).All(t => t.Status is TestStatus.Pass or TestStatus.Skipped))
        {
            console.MarkupLine("Every visible test passes; the hidden tests above check what the visible ones do not (edge cases, concurrency, other inputs).");
        }
        else if (exercise.Status == ExerciseStatus.NotStarted)
        {
            var first = hints.Steps.Select(s => hints.For(s).FirstOrDefault()).FirstOrDefault(h => h is not null);
            console.MarkupLine("Not started yet: pick a level folder, run `dotnet test` in it, and make the tests pass.");
            if (first is not null)
                console.MarkupLine($"[bold]Hint:[/] {Markup.Escape(first)}");
        }
    }

    private static Padder Indented(string text) => new Padder(new Text(text.TrimEnd()), new Padding(4, 0, 0, 0));

    private static string Shorten(string message) =>
        message.Length <= MaxMessageLength ? message : message[..MaxMessageLength] + "…";
}
