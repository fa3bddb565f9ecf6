using System.CommandLine;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Grader.Authoring;
using Grader.Course;
using Spectre.Console;

namespace Grader.Commands;

/// <summary>
/// <c>new &lt;release&gt; &lt;id&gt; &lt;Project&gt; --title "..."</c> (for authors): scaffolds an exercise with every
/// part the kit's tests expect, adds it to course.json and Exercises.sln, and refreshes the starter snapshot. It refuses
/// an id, a project name or a folder already in use, and writes nothing until every check has passed.
/// </summary>
internal static partial class NewCommand
{
    /// <summary>The <c>new</c> command.</summary>
    public static Command Create(CommandEnvironment environment)
    {
        var release = new Argument<string>("release") { Description = "The release id, e.g. r2 (a new release needs --release-title)." };
        var id = new Argument<string>("id") { Description = "The exercise id: two digits (or p and a digit for a project) and a name, e.g. 06-response-tuples." };
        var project = new Argument<string>("project") { Description = "The project name, also the namespace: a C# identifier, e.g. ResponseTuples." };
        var title = new Option<string>("--title") { Description = "The exercise's title, as the README and the report show it.", Required = true };
        var releaseTitle = new Option<string?>("--release-title") { Description = "The release's title, when the release is new." };
        var root = new Option<string?>("--root") { HelpName = "dir", Description = "The kit's root folder (default: found from the current folder)." };
        var command = new Command("new", "Authors: scaffold a new exercise (folders, README, hints, tests, levels, solution, hidden suite) and register it.")
        {
            release, id, project, title, releaseTitle, root,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var rootValue = result.GetValue(root);
            var rootDirectory = CourseRoot.Find(environment.CurrentDirectory, rootValue is null ? null : Path.GetFullPath(rootValue, environment.CurrentDirectory));
            var scaffold = new ExerciseScaffold(result.GetValue(release)!, result.GetValue(id)!, result.GetValue(project)!, result.GetValue(title)!.Trim());
            await ScaffoldAsync(environment, rootDirectory, scaffold, result.GetValue(releaseTitle), cancellationToken);
            return (int)ExitCode.Ok;
        });
        return command;
    }

    private static async Task ScaffoldAsync(CommandEnvironment environment, string root, ExerciseScaffold scaffold, string? releaseTitle, CancellationToken cancellationToken)
    {
        var manifestPath = Path.Combine(root, CourseRoot.ManifestFile);
        var manifestText = await File.ReadAllTextAsync(manifestPath, cancellationToken);
        var manifest = CourseManifest.Parse(manifestText, manifestPath);
        Validate(root, manifest, scaffold, releaseTitle);

        var exercise = new ExerciseInfo { Id = scaffold.Id, Title = scaffold.Title, Project = scaffold.Project };
        var edited = ManifestEditor.AddExercise(manifestText, CourseRoot.ManifestFile, scaffold.Release, releaseTitle, exercise);

        // Every check passed: now write.
        var files = new Dictionary<string, string>(scaffold.Files(), StringComparer.Ordinal);
        var releaseReadme = $"exercises/{scaffold.Release}/README.md";
        if (!File.Exists(Path.Combine(root, releaseReadme)))
            files[releaseReadme] = ReleaseReadme(scaffold.Release, releaseTitle ?? scaffold.Release);
        foreach (var (relative, content) in files)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, content, cancellationToken);
        }

        await File.WriteAllTextAsync(manifestPath, edited, cancellationToken);
        foreach (var (projectFile, folder) in scaffold.Projects)
            await AddToSolutionAsync(root, projectFile, folder, cancellationToken);

        var layout = new CourseLayout(root, CourseManifest.Load(manifestPath), solutions: false, suitesDirectory: null);
        var snapshot = StarterSnapshot.Compute(layout);
        await File.WriteAllTextAsync(layout.StartersFile, snapshot.ToJson(), cancellationToken);
        StarterArchive.Write(layout.StarterArchiveFile, layout.ExercisesDirectory, snapshot);

        environment.Console.MarkupLine($"Created [bold]{Markup.Escape(scaffold.Folder)}[/] ({files.Count} files), added it to course.json and Exercises.sln, and refreshed grader/starters.json.");
        environment.Console.MarkupLine("Next (docs/AUTHORING.md, \"Adding an exercise\"): write the solution first, then the visible tests step by step, the levels, the hints, the hidden suite; measure it with tools/mutation/run.sh; then `starters --update`.");
    }

    /// <summary>Refuses, with what to do instead, anything that would clash with the course as it is.</summary>
    private static void Validate(string root, CourseManifest manifest, ExerciseScaffold scaffold, string? releaseTitle)
    {
        if (!ReleaseId().IsMatch(scaffold.Release))
            throw new UsageException($"\"{scaffold.Release}\" is not a release id: use r and a number, e.g. r2.");
        if (!ExerciseId().IsMatch(scaffold.Id))
            throw new UsageException($"\"{scaffold.Id}\" is not an exercise id: use two digits (p and a digit for a project), a dash and lower-case words, e.g. 06-response-tuples or p1-switchboard.");
        if (!ProjectName().IsMatch(scaffold.Project))
            throw new UsageException($"\"{scaffold.Project}\" is not a project name: use a C# identifier in PascalCase, e.g. ResponseTuples (it is also the namespace).");
        if (scaffold.Title.Length == 0)
            throw new UsageException("--title is empty: give the exercise's title, e.g. --title \"Response tuples\".");
        if (manifest.Releases.All(r => r.Id != scaffold.Release) && string.IsNullOrWhiteSpace(releaseTitle))
            throw new UsageException($"release {scaffold.Release} is not in course.json yet: give its title too, with --release-title \"...\".");

        foreach (var (release, exercise) in manifest.AllExercises)
        {
            if (exercise.Id == scaffold.Id)
                throw new UsageException($"course.json already has an exercise {scaffold.Id} (in release {release.Id}): choose another id.");
            if (string.Equals(exercise.Project, scaffold.Project, StringComparison.OrdinalIgnoreCase))
                throw new UsageException($"the project name {scaffold.Project} is already used by {exercise.Id}: each exercise needs its own (it is the namespace its tests compile against).");
        }

        foreach (var folder in new[] { scaffold.Folder, scaffold.SolutionFolder, $"grader/suites/{scaffold.Id}" })
        {
            if (Directory.Exists(Path.Combine(root, folder)))
                throw new UsageException($"{folder} already exists though course.json does not list {scaffold.Id}: move it away or choose another id.");
        }
    }

    private static async Task AddToSolutionAsync(string root, string projectFile, string solutionFolder, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "sln", "Exercises.sln", "add", "--solution-folder", solutionFolder, projectFile })
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var dotnet = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = dotnet.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = dotnet.StandardError.ReadToEndAsync(cancellationToken);
        await dotnet.WaitForExitAsync(cancellationToken);
        if (dotnet.ExitCode != 0)
            throw new CourseException($"dotnet sln add {projectFile} failed ({dotnet.ExitCode}); add it to Exercises.sln by hand:\n{await output}{await errors}");
    }

    private static string ReleaseReadme(string release, string title) => $$"""
        # Release {{release[1..]}} · {{title}}

        TODO: what this release is about, in two sentences.

        ## Itinerary
        | # | exercise | the highlight |
        |---|---|---|
        | TODO | | |

        ## Learn it
        - Elixir: TODO (hexdocs.pm)
        - Erlang: TODO (erlang.org)
        - .NET: TODO (learn.microsoft.com)

        ## Do it
        TODO

        ## Grok it
        TODO: how the same idea looks in Akka.NET, Proto.Actor or Orleans.
        """ + "\n";

    [GeneratedRegex(@"^r[1-9][0-9]*$")]
    private static partial Regex ReleaseId();

    [GeneratedRegex(@"^(?:[0-9]{2}|p[0-9])-[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex ExerciseId();

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex ProjectName();
}
