using System.CommandLine;
using Grader.Course;
using Grader.Reporting;

namespace Grader.Commands;

/// <summary><c>check &lt;exercise&gt;</c>: grades one exercise and shows each failing test and the first hint of the current step.</summary>
internal static class CheckCommand
{
    /// <summary>The <c>check</c> command.</summary>
    public static Command Create(CommandEnvironment environment, GradingOptions options)
    {
        var exercise = new Argument<string>("exercise") { Description = "The exercise id, for example 01-processes." };
        var command = new Command("check", "Grade one exercise: each failing test with its message, and a hint for the step you are on.");
        command.Arguments.Add(exercise);
        options.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var session = GradingSession.Open(environment, options.Read(result, environment.CurrentDirectory));
            var location = session.Layout.Find(result.GetValue(exercise)!);
            var report = await session.GradeAsync(l => l.Exercise.Id == location.Exercise.Id, cancellationToken);
            var graded = report.Releases.SelectMany(r => r.Exercises).Single();
            var hints = HintBook.Load(location.HintsFile);
            await session.WriteAsync(report, console => CheckReport.Render(console, graded, hints), cancellationToken);
            return (int)ExitCode.Ok;
        });
        return command;
    }
}
