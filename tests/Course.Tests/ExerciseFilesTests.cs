using System.Text.RegularExpressions;

namespace Course.Tests;

/// <summary>The files of each exercise follow the conventions of docs/AUTHORING.md.</summary>
public sealed partial class ExerciseFilesTests
{
    [TestCaseSource(typeof(Exercise), nameof(Exercise.All))]
    public void Visible_tests_are_grouped_in_one_fixture_per_step_numbered_from_one(Exercise exercise)
    {
        var steps = VisibleSteps(exercise);

        Assert.That(steps, Is.Not.Empty, "Visible tests live in classes named Step<N>_<What>.");
        Assert.That(steps, Is.EqualTo(Enumerable.Range(1, steps.Max())), "Steps are numbered 1, 2, 3, ... without gaps.");
    }

    [TestCaseSource(typeof(Exercise), nameof(Exercise.All))]
    public void Every_step_has_at_least_two_hints(Exercise exercise)
    {
        var hints = File.ReadAllLines(Path.Combine(exercise.Folder, "hints.md"));
        var hintsPerStep = new Dictionary<int, int>();
        var step = 0;
        foreach (var line in hints)
        {
            var heading = StepHeading().Match(line);
            if (heading.Success)
            {
                step = int.Parse(heading.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                hintsPerStep[step] = 0;
            }
            else if (step > 0 && NumberedHint().IsMatch(line))
            {
                hintsPerStep[step]++;
            }
        }

        foreach (var visibleStep in VisibleSteps(exercise))
        {
            Assert.That(hintsPerStep.GetValueOrDefault(visibleStep), Is.GreaterThanOrEqualTo(2),
                $"hints.md needs a '## Step {visibleStep}: ...' section with at least two numbered hints.");
        }
    }

    [TestCaseSource(typeof(Exercise), nameof(Exercise.All))]
    public void The_README_names_every_visible_test(Exercise exercise)
    {
        var readme = File.ReadAllText(Path.Combine(exercise.Folder, "README.md"));
        var testNames = Directory.GetFiles(Path.Combine(exercise.Folder, "tests"), "*.cs")
            .SelectMany(file => TestMethod().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .ToList();

        Assert.That(testNames, Is.Not.Empty);
        Assert.That(testNames.Where(name => !readme.Contains(name, StringComparison.Ordinal)), Is.Empty,
            "The README's steps say which tests belong to them; these tests are not mentioned.");
    }

    [TestCaseSource(typeof(Exercise), nameof(Exercise.All))]
    public void Every_project_file_is_the_one_line_skeleton(Exercise exercise)
    {
        foreach (var (name, folder) in exercise.ApiFolders())
        {
            var project = File.ReadAllText(Path.Combine(folder, exercise.Project + ".csproj")).Trim();
            Assert.That(project, Is.EqualTo("<Project Sdk=\"Microsoft.NET.Sdk\" />"),
                $"{name}: everything an exercise project needs comes from build/Exercise.props.");
        }
    }

    [TestCaseSource(typeof(Exercise), nameof(Exercise.All))]
    public void Every_stub_names_its_step(Exercise exercise)
    {
        foreach (var level in Repo.Levels)
        {
            var stubs = Directory.GetFiles(exercise.LevelFolder(level), "*.cs", SearchOption.AllDirectories)
                .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .SelectMany(file => NotImplemented().Matches(File.ReadAllText(file)).Select(m => (file, text: m.Groups[1].Value)))
                .ToList();

            Assert.That(stubs, Is.Not.Empty, $"{level} has no stub left for the learner to write.");
            Assert.That(stubs.Where(s => !s.text.StartsWith("Step ", StringComparison.Ordinal)).Select(s => $"{Repo.Relative(s.file)}: {s.text}"),
                Is.Empty, $"{level}: a stub's message starts with 'Step N:' and names the member.");
        }
    }

    [TestCaseSource(typeof(Exercise), nameof(Exercise.All))]
    public void Given_code_is_written_once_in_the_given_folder(Exercise exercise)
    {
        // Code handed to the learner complete lives in <exercise>/given/ and is compiled into every level and the
        // solution; a copy in a level would drift, and would be defined twice.
        var given = Directory.Exists(exercise.GivenFolder)
            ? Directory.GetFiles(exercise.GivenFolder, "*.cs", SearchOption.AllDirectories).Select(Path.GetFileName).ToHashSet()
            : [];
        var copies = exercise.ApiFolders()
            .SelectMany(api => Directory.GetFiles(api.Folder, "*.cs").Where(file => given.Contains(Path.GetFileName(file))))
            .Select(Repo.Relative);

        Assert.That(copies, Is.Empty, "These files repeat a file of given/: delete the copies.");
    }

    internal static List<int> VisibleSteps(Exercise exercise) =>
        [
            .. Directory.GetFiles(Path.Combine(exercise.Folder, "tests"), "*.cs")
                .SelectMany(file => StepClass().Matches(File.ReadAllText(file)))
                .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
                .Distinct()
                .Order(),
        ];

    [GeneratedRegex(@"\bclass\s+Step(\d+)_\w+")]
    private static partial Regex StepClass();

    [GeneratedRegex(@"^##\s+Step\s+(\d+)\b")]
    private static partial Regex StepHeading();

    [GeneratedRegex(@"^\d+\.\s+\S")]
    private static partial Regex NumberedHint();

    [GeneratedRegex(@"\[Test\][\s\S]*?\bpublic\s+(?:async\s+)?[\w<>]+\s+(\w+)\s*\(")]
    private static partial Regex TestMethod();

    [GeneratedRegex("NotImplementedException\\(\\s*\"([^\"]*)\"")]
    private static partial Regex NotImplemented();
}
