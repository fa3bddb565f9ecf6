using System.CommandLine;
using Grader.Course;
using Spectre.Console;

namespace Grader.Commands;

/// <summary>
/// <c>starters --update|--check</c> (for maintainers): writes or verifies <c>grader/starters.json</c>, the hashes the
/// grader uses to tell an untouched exercise from a started one (and changed visible tests), and
/// <c>grader/starters.zip</c>, the starters' content <c>reset</c> restores.
/// </summary>
internal static class StartersCommand
{
    /// <summary>The <c>starters</c> command.</summary>
    public static Command Create(CommandEnvironment environment)
    {
        var root = new Option<string?>("--root") { HelpName = "dir", Description = "The kit's root folder (default: found from the current folder)." };
        var update = new Option<bool>("--update") { Description = "Rewrite grader/starters.json from the starter files." };
        var check = new Option<bool>("--check") { Description = "Fail (exit code 1) when grader/starters.json does not match the starter files." };
        var command = new Command("starters", "Maintainers: update or check grader/starters.json and starters.zip after changing a starter or a visible test.") { root, update, check };
        command.SetAction(result =>
        {
            if (result.GetValue(update) == result.GetValue(check))
                throw new UsageException("starters needs exactly one of --update or --check.");
            var rootValue = result.GetValue(root);
            var rootDirectory = CourseRoot.Find(environment.CurrentDirectory, rootValue is null ? null : Path.GetFullPath(rootValue, environment.CurrentDirectory));
            var layout = new CourseLayout(rootDirectory, CourseManifest.Load(Path.Combine(rootDirectory, CourseRoot.ManifestFile)), solutions: false, suitesDirectory: null);
            var current = StarterSnapshot.Compute(layout);

            if (result.GetValue(update))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(layout.StartersFile)!);
                File.WriteAllText(layout.StartersFile, current.ToJson());
                StarterArchive.Write(layout.StarterArchiveFile, layout.ExercisesDirectory, current);
                environment.Console.MarkupLine($"Wrote {Markup.Escape(layout.RelativeToRoot(layout.StartersFile))} and {Markup.Escape(layout.RelativeToRoot(layout.StarterArchiveFile))} ({current.Files.Count} files).");
                return (int)ExitCode.Ok;
            }

            var recorded = StarterSnapshot.Load(layout.StartersFile);
            var differences = recorded is null ? ["grader/starters.json does not exist"] : current.Differences(recorded).ToList();
            differences.AddRange(StarterArchive.Differences(layout.StarterArchiveFile, current));
            if (differences.Count == 0)
            {
                environment.Console.MarkupLine($"[green]grader/starters.json is up to date[/] ({current.Files.Count} files).");
                return (int)ExitCode.Ok;
            }

            environment.Error.WriteLine("grader/starters.json or grader/starters.zip does not match the starter files:");
            foreach (var difference in differences)
                environment.Error.WriteLine($"  {difference}");
            environment.Error.WriteLine("If the starters changed on purpose, run: dotnet run --project grader -- starters --update");
            return (int)ExitCode.StartersOutOfDate;
        });
        return command;
    }
}
