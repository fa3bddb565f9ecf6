using Grader.Course;
using Spectre.Console;

namespace Grader.Reporting;

/// <summary>
/// Renders one exercise in detail: every failing test with its message, compiler errors, and the current hint of the
/// step the learner is on (recorded as seen, so that <c>hint</c> goes on with the next one).
/// </summary>
internal static class CheckReport
{
    private const int MaxMessageLength = 600;

    /// <summary>Writes the exercise's details to <paramref name="console"/>.</summary>
    /// <param name="toBegin">How to begin the exercise (markup lines), shown when it is not started.</param>
    public static void Render(IAnsiConsole console, ExerciseReport exercise, HintBook hints, HintState state, IReadOnlyList<NextStep.Line> toBegin)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(exercise.Id)}[/]: {Markup.Escape(exercise.Title)}").LeftJustified());
        var level = exercise.Level is null ? "" : $" at level [bold]{Markup.Escape(exercise.Level)}[/]";
        var tests = exercise.Status is ExerciseStatus.NotStarted or ExerciseStatus.BuildError ? "" : $", {exercise.PassedTests}/{exercise.TotalTests} tests pass";
        console.MarkupLine($"{StatusText.Markup(exercise.Status)}{level}{tests}");
        if (exercise.Message.Length > 0)
            console.MarkupLine(Markup.Escape(exercise.Message));

        // Lists, not tables: a long test name and a multi-line message stay readable on an 80-column terminal. Names and
        // file:line are written whole (a terminal wraps them visually), messages wrap between words.
        foreach (var d in exercise.Diagnostics)
        {
            console.Write(new Unwrapped($"[red]✗[/] [bold]{Markup.Escape($"{d.File}:{d.Line}")}[/] {Markup.Escape(d.Code)}"));
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
            console.Write(new Unwrapped($"[red]✗[/] [bold]{Markup.Escape(test.Name)}[/]"));
            var about = test.Suite == TestSuite.Hidden && test.Step is int hiddenStep ? $" (step {hiddenStep})" : "";
            var kind = $"{test.Suite.ToString().ToLowerInvariant()} test{about}, {StatusText.Word(test.Status)}";
            console.Write(Indented(test.Message.Length > 0 ? $"{kind}: {Shorten(test.Message)}" : kind));
        }

        foreach (var note in exercise.Notes)
            console.MarkupLine($"[grey]note: {Markup.Escape(note)}[/]");

        if (exercise.CurrentStep is int step)
        {
            console.MarkupLine($"You are on step {step}. {Hint(exercise.Id, step, hints, state)}");
        }
        else if (exercise.Status == ExerciseStatus.Failing
            && exercise.Tests.Where(t => t.Suite == TestSuite.Visible).All(t => t.Status is TestStatus.Pass or TestStatus.Skipped))
        {
            console.MarkupLine("Every visible test passes; the hidden tests above check what the visible ones do not (edge cases, concurrency, other inputs).");
            if (HiddenStep(exercise) is int hidden)
                console.MarkupLine($"The first is about step {hidden} of the README. {Hint(exercise.Id, hidden, hints, state)}");
        }
        else if (exercise.Status == ExerciseStatus.NotStarted)
        {
            console.MarkupLine("Not started yet: every level is still the starter's, and none has been built by `dotnet test`.");
            NextStep.Write(console, toBegin);
            if (hints.Steps.FirstOrDefault(s => hints.For(s).Count > 0) is var first && hints.For(first).Count > 0)
                console.MarkupLine($"Step {first}. {Hint(exercise.Id, first, hints, state)}");
        }
    }

    /// <summary>The lowest step a failing hidden test names, when every visible test passes.</summary>
    public static int? HiddenStep(ExerciseReport exercise) =>
        exercise.Tests.Where(t => t.Suite == TestSuite.Hidden && t.Status is not (TestStatus.Pass or TestStatus.Skipped)).Min(t => t.Step);

    /// <summary>The step's current hint as markup ("Hint 1 of 3: ..."), recorded as seen.</summary>
    private static string Hint(string exerciseId, int step, HintBook hints, HintState state)
    {
        var all = hints.For(step);
        if (state.Current(exerciseId, step, all) is not int index)
            return "(No hints for this step yet.)";
        var more = index + 1 < all.Count ? $"\n[grey]Still stuck? {GraderCommand.Name} hint {Markup.Escape(exerciseId)}[/]" : "";
        return $"[bold]Hint {index + 1} of {all.Count}:[/] {Markup.Escape(all[index])}{more}";
    }

    private static Padder Indented(string text) => new Padder(new Text(text.TrimEnd()), new Padding(4, 0, 0, 0));

    private static string Shorten(string message) =>
        message.Length <= MaxMessageLength ? message : message[..MaxMessageLength] + "…";
}
