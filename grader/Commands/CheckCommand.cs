using System.CommandLine;
using Grader.Course;
using Grader.Reporting;

namespace Grader.Commands;

/// <summary>
/// <c>check &lt;exercise&gt;</c>: grades one exercise and shows each failing test and the current hint of the step the
/// learner is on. An exercise whose levels are all still the starter's is graded at the level the learner last ran
/// <c>dotnet test</c> in, since that is the one they are looking at.
/// </summary>
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
            var arguments = options.Read(result, environment.CurrentDirectory);
            var session = GradingSession.Open(environment, arguments);
            var location = session.Layout.Find(result.GetValue(exercise)!);
            var (report, graded) = await GradeAsync(session, location, cancellationToken);
            if (graded.Status == ExerciseStatus.NotStarted && arguments.Level is null && !arguments.Solutions
                && LastTestedLevel.Find(location) is { } tested)
            {
                session = GradingSession.Open(environment, arguments with { Level = tested.Name });
                (report, graded) = await GradeAsync(session, location, cancellationToken);
                var note = $"every level is still the starter's, so this grades {tested.Name}, where you last ran `dotnet test`.";
                graded = graded with { Notes = [note, .. graded.Notes] };
                report = report with { Releases = [.. report.Releases.Select(r => r with { Exercises = [graded] })] };
            }

            var hints = HintBook.Load(location.HintsFile);
            var state = HintState.Load(session.HintStateFile);
            var guide = new NextStep(session.Layout);
            await session.WriteAsync(report, console => CheckReport.Render(console, graded, hints, state, guide.ToBegin(location)), cancellationToken);
            return (int)ExitCode.Ok;
        });
        return command;
    }

    private static async Task<(GradeReport Report, ExerciseReport Exercise)> GradeAsync(
        GradingSession session, ExerciseLocation location, CancellationToken cancellationToken)
    {
        var report = await session.GradeAsync(l => l.Exercise.Id == location.Exercise.Id, cancellationToken);
        return (report, report.Releases.SelectMany(r => r.Exercises).Single());
    }
}
