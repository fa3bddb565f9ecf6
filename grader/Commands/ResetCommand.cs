using System.CommandLine;
using Grader.Course;
using Spectre.Console;

namespace Grader.Commands;

/// <summary>
/// <c>reset &lt;exercise&gt; [--level L]</c>: puts one level's starter files back, from <c>grader/starters.zip</c>.
/// It asks first (or takes <c>--yes</c>), touches that level's folder only, and loses nothing: every file it would
/// overwrite, and every file the learner added, is first moved to <c>.grader/backup/</c>.
/// </summary>
internal static class ResetCommand
{
    /// <summary>The <c>reset</c> command.</summary>
    public static Command Create(CommandEnvironment environment)
    {
        var exercise = new Argument<string>("exercise") { Description = "The exercise id, for example 01-processes." };
        var level = new Option<string?>("--level") { HelpName = "level", Description = "The level to reset (needed when you have changed more than one)." };
        var yes = new Option<bool>("--yes") { Description = "Do not ask for confirmation (for scripts)." };
        var root = new Option<string?>("--root") { HelpName = "dir", Description = "The kit's root folder (default: found from the current folder)." };
        var command = new Command("reset", "Restore one level's starter files (asks first; your files are moved to .grader/backup/, never deleted).") { exercise, level, yes, root };
        command.SetAction(result =>
        {
            var rootValue = result.GetValue(root);
            var rootDirectory = CourseRoot.Find(environment.CurrentDirectory, rootValue is null ? null : Path.GetFullPath(rootValue, environment.CurrentDirectory));
            var layout = new CourseLayout(rootDirectory, CourseManifest.Load(Path.Combine(rootDirectory, CourseRoot.ManifestFile)), solutions: false, suitesDirectory: null);
            var location = layout.Find(result.GetValue(exercise)!);
            var snapshot = StarterSnapshot.Load(layout.StartersFile)
                ?? throw new CourseException("grader/starters.json is missing, so there is nothing to reset to.");
            var target = ChooseLevel(layout, location, snapshot, result.GetValue(level));
            var prefix = SourceFiles.Relative(layout.ExercisesDirectory, target.Directory) + "/";
            var starters = StarterArchive.Read(layout.StarterArchiveFile, prefix);
            if (starters.Count == 0)
                throw new CourseException($"grader/starters.zip has no files for {prefix.TrimEnd('/')}; a maintainer refreshes it with `dotnet run --project grader -- starters --update`.");

            var plan = ResetPlan.For(layout, target, starters);
            if (plan.IsEmpty)
            {
                environment.Console.MarkupLine($"{Markup.Escape(layout.RelativeToRoot(target.Directory))} is already exactly the starter: nothing to do.");
                return (int)ExitCode.Ok;
            }

            plan.Describe(environment.Console);
            if (!result.GetValue(yes))
            {
                if (!environment.Console.Profile.Capabilities.Interactive)
                    throw new UsageException("reset asks for confirmation, and this console cannot answer; add --yes to reset without asking.");
                if (!environment.Console.Confirm($"Reset {Markup.Escape(layout.RelativeToRoot(target.Directory))}?", defaultValue: false))
                {
                    environment.Console.MarkupLine("Nothing was changed.");
                    return (int)ExitCode.Ok;
                }
            }

            var backup = plan.Apply(Path.Combine(layout.WorkDirectory, "backup"), environment.Time);
            environment.Console.MarkupLine($"[green]Reset[/] {Markup.Escape(layout.RelativeToRoot(target.Directory))}."
                + (backup is null ? "" : $" Your previous files are in {Markup.Escape(layout.RelativeToRoot(backup))}."));
            return (int)ExitCode.Ok;
        });
        return command;
    }

    private static LevelLocation ChooseLevel(CourseLayout layout, ExerciseLocation location, StarterSnapshot snapshot, string? name)
    {
        if (name is not null)
        {
            return location.Levels.SingleOrDefault(l => l.Name == name)
                ?? throw new UsageException($"--level {name}: {location.Exercise.Id} has the levels {string.Join(", ", location.Levels.Select(l => l.Name))}.");
        }

        var touched = location.Levels.Where(l => !snapshot.IsUntouched(layout.ExercisesDirectory, l)).ToList();
        return touched.Count switch
        {
            1 => touched[0],
            0 => throw new UsageException($"every level of {location.Exercise.Id} is still the starter; there is nothing to reset."),
            _ => throw new UsageException($"you changed several levels of {location.Exercise.Id} ({string.Join(", ", touched.Select(l => l.Name))}); say which with --level."),
        };
    }
}
