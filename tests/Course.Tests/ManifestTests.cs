using System.Text.RegularExpressions;

namespace Course.Tests;

/// <summary>course.json and the folders on disk tell the same story.</summary>
public sealed partial class ManifestTests
{
    [Test, CancelAfter(300_000)]
    public async Task The_starter_snapshot_matches_the_committed_starters(CancellationToken cancellationToken)
    {
        var (exitCode, output) = await GraderRuns.RunRawAsync("starters", "--check").WaitAsync(cancellationToken);

        Assert.That(exitCode, Is.Zero,
            "grader/starters.json and grader/starters.zip must hold exactly the committed starters and visible tests " +
            "(`reset` restores from them, and an untouched level is recognised by them). After changing a starter or a " +
            "visible test, run `dotnet run --project grader -- starters --update` and commit both files.\n" + output);

        // The kit's tests run on the starters as shipped (see CommittedCourse). Whether the commit itself changed them is a
        // maintainer's question: a learner who commits their work changes them on purpose.
        var changed = Kit.Testing.CommittedCourse.StartersChangedSinceShipped;
        if (changed.Count > 0 && Environment.GetEnvironmentVariable("KIT_MAINTAINER") != "1")
        {
            Assert.Ignore(
                $"{changed.Count} committed starter or visible-test files differ from grader/starters.zip (your committed " +
                $"work, e.g. {changed[0]}): the kit's tests ran on the starters as shipped. A maintainer's run " +
                "(KIT_MAINTAINER=1, as .ci/run sets) makes this a failure.");
        }

        Assert.That(changed, Is.Empty,
            "The committed starters and visible tests must be the ones grader/starters.zip ships (an untouched level is " +
            "recognised by them, and the kit's tests run on them). After changing a starter or a visible test, run " +
            "`dotnet run --project grader -- starters --update` and commit both files. Differing: " + string.Join(", ", changed));
    }

    [Test]
    public void Exercise_ids_are_unique_and_in_course_order()
    {
        var ids = Repo.Exercises.Select(e => e.Id).ToList();

        Assert.That(ids, Is.Unique, "Two exercises in course.json share an id.");
        // Exercises (01-, 02-, ...) and projects (p1-, p2-, ...) are each numbered in course order; a release puts its
        // project after its exercises, so the two sequences interleave.
        Assert.That(ids.Where(id => !id.StartsWith('p')), Is.Ordered.Using<string>(StringComparer.Ordinal), "Exercises are numbered in course order (01-, 02-, ...).");
        Assert.That(ids.Where(id => id.StartsWith('p')), Is.Ordered.Using<string>(StringComparer.Ordinal), "Projects are numbered in course order (p1-, p2-, ...).");
        Assert.That(ids, Has.All.Matches<string>(id => ExerciseId().IsMatch(id)), "Ids look like 01-processes or p1-switchboard.");
    }

    [TestCaseSource(typeof(Exercise), nameof(Exercise.All))]
    public void Every_exercise_in_the_manifest_has_its_folders(Exercise exercise)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Path.Combine(exercise.Folder, "README.md"), Does.Exist, "instructions");
            Assert.That(Path.Combine(exercise.Folder, "hints.md"), Does.Exist, "hints");
            Assert.That(Directory.GetFiles(Path.Combine(exercise.Folder, "tests"), "*.cs"), Is.Not.Empty, "visible tests");
            foreach (var (name, folder) in exercise.ApiFolders())
            {
                Assert.That(Path.Combine(folder, exercise.Project + ".csproj"), Does.Exist, $"{name} project");
            }

            Assert.That(Directory.Exists(exercise.SuiteFolder) ? Directory.GetFiles(exercise.SuiteFolder, "*.cs") : [],
                Is.Not.Empty, $"hidden suite in {Repo.Relative(exercise.SuiteFolder)}");
        });
    }

    [Test]
    public void Every_exercise_folder_on_disk_is_in_the_manifest()
    {
        var listed = Repo.Exercises.Select(e => Repo.Relative(e.Folder)).ToHashSet();
        var onDisk = Directory.GetDirectories(Repo.PathOf("exercises"))
            .SelectMany(Directory.GetDirectories)
            .Select(Repo.Relative);

        Assert.That(onDisk, Is.SubsetOf(listed), "An exercise folder exists that course.json does not list.");
    }

    [Test]
    public void Every_solution_and_hidden_suite_on_disk_belongs_to_an_exercise_of_the_manifest()
    {
        var solutions = Directory.GetDirectories(Repo.PathOf("solutions")).SelectMany(Directory.GetDirectories).Select(Repo.Relative);
        var suites = Directory.GetDirectories(Repo.PathOf("grader", "suites")).Select(Repo.Relative);

        Assert.That(solutions, Is.SubsetOf(Repo.Exercises.Select(e => Repo.Relative(e.SolutionFolder))));
        Assert.That(suites, Is.SubsetOf(Repo.Exercises.Select(e => Repo.Relative(e.SuiteFolder))));
    }

    [Test]
    public void Every_release_with_exercises_has_a_README()
    {
        foreach (var release in Repo.Exercises.Select(e => e.Release).Distinct())
        {
            Assert.That(Repo.PathOf("exercises", release, "README.md"), Does.Exist);
        }
    }

    [Test]
    public void Exercises_sln_lists_every_project_so_an_IDE_shows_the_whole_course()
    {
        var solution = File.ReadAllText(Repo.PathOf("Exercises.sln")).Replace('\\', '/');
        var projects = Directory.GetFiles(Repo.Root, "*.csproj", SearchOption.AllDirectories)
            .Select(Repo.Relative)
            .Where(path => !path.StartsWith(".grader/", StringComparison.Ordinal) && !path.Contains("/Fixtures/", StringComparison.Ordinal)
                // A template's project is the source of what `dotnet new` generates, not a project of the course.
                && !path.StartsWith("templates/", StringComparison.Ordinal));

        Assert.That(projects.Where(path => !solution.Contains($"\"{path}\"", StringComparison.Ordinal)), Is.Empty,
            "These projects are missing from Exercises.sln: add them with `dotnet sln Exercises.sln add <path>`.");
    }

    [GeneratedRegex("^([0-9]{2}|p[0-9])-[a-z0-9-]+$")]
    private static partial Regex ExerciseId();
}
