using Grader.Course;
using Grader.Reporting;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Grader.Watching;

/// <summary>
/// What <c>watch</c> shows, rustlings-style: the exercise, its progress, the first failing test with its message
/// (the one to work on now), the current hint, and the keys.
/// </summary>
internal static class WatchView
{
    private const int MaxMessageLength = 800;

    /// <summary>The view of <paramref name="exercise"/> as last graded.</summary>
    /// <param name="notice">A line about the last key pressed (for example that a step has no more hints), or null.</param>
    public static IRenderable Render(ExerciseReport exercise, string? hint, TimeSpan took, bool keys, string? notice = null)
    {
        var rows = new List<IRenderable>
        {
            new Rule($"[bold]{Markup.Escape(exercise.Id)}[/]: {Markup.Escape(exercise.Title)}").LeftJustified(),
        };
        var level = exercise.Level is null ? "" : $" at level [bold]{Markup.Escape(exercise.Level)}[/]";
        var tests = exercise.TotalTests == 0 ? "" : $" · {exercise.PassedTests}/{exercise.TotalTests} tests pass · score {Percent.Text(exercise.Score)}";
        rows.Add(new Markup($"{StatusText.Markup(exercise.Status)}{level}{tests} [grey](graded in {took.TotalSeconds:0.0} s)[/]"));
        if (exercise.Message.Length > 0)
            rows.Add(new Text(exercise.Message));

        if (exercise.Diagnostics.FirstOrDefault() is { } error)
        {
            rows.Add(new Markup($"[red]✗[/] [bold]{Markup.Escape($"{error.File}:{error.Line}")}[/] {Markup.Escape(error.Code)}"));
            rows.Add(new Padder(new Text(error.Message), new Padding(4, 0, 0, 0)));
        }

        // Visible tests first (they name the step), in order: the first failing one is the one to work on.
        var failing = exercise.Tests.Where(t => t.Status is not (TestStatus.Pass or TestStatus.Skipped))
            .OrderBy(t => t.Suite).ToList();
        if (failing.FirstOrDefault() is { } first)
        {
            // The view is redrawn in place, so every line must fit the terminal: a name longer than the line ends in
            // an ellipsis instead of being cut in two (check writes it whole).
            var line = new Paragraph { Overflow = Overflow.Ellipsis }
                .Append("✗ ", new Style(Color.Red))
                .Append(first.Name, new Style(decoration: Decoration.Bold))
                .Append($" ({first.Suite.ToString().ToLowerInvariant()} test, {StatusText.Word(first.Status)})", new Style(Color.Grey));
            rows.Add(line);
            var message = first.Message.Length <= MaxMessageLength ? first.Message : first.Message[..MaxMessageLength] + "…";
            if (message.Length > 0)
                rows.Add(new Padder(new Text(message.TrimEnd()), new Padding(4, 0, 0, 0)));
            if (failing.Count > 1)
                rows.Add(new Markup($"[grey]and {failing.Count - 1} more failing (check shows them all)[/]"));
        }
        else if (exercise.Status == ExerciseStatus.Passed)
        {
            rows.Add(new Markup($"[green]✓ Every test passes.[/]{(keys ? " Press [bold]n[/] for the next exercise." : "")}"));
        }

        if (hint is not null)
            rows.Add(new Markup($"[bold]Hint:[/] {Markup.Escape(hint)}"));
        if (notice is not null)
            rows.Add(new Markup($"[yellow]{Markup.Escape(notice)}[/]"));
        rows.Add(new Markup(keys
            ? "[grey]Watching for saves · [bold]n[/] next exercise · [bold]h[/] another hint · [bold]r[/] re-run · [bold]q[/] quit[/]"
            : "[grey]Watching for saves · Ctrl+C to stop[/]"));
        return new Rows(rows);
    }

    /// <summary>
    /// The hint to show for the step the learner is on: the latest one they saw, or the step's first (then recorded
    /// as seen). It follows the step: once a step's tests pass, the next step's first hint shows.
    /// </summary>
    public static string? HintFor(ExerciseReport exercise, HintBook hints, HintState state)
    {
        if (StepOf(exercise, hints) is not int step || state.Current(exercise.Id, step, hints.For(step)) is not int index)
            return null;
        var all = hints.For(step);
        return $"(step {step}, {index + 1} of {all.Count}) {all[index]}";
    }

    /// <summary>The step whose hints apply: the current step, or the first one of an exercise not started.</summary>
    public static int? StepOf(ExerciseReport exercise, HintBook hints) =>
        exercise.CurrentStep ?? (exercise.Status == ExerciseStatus.NotStarted ? hints.Steps.FirstOrDefault() : (int?)null);
}
