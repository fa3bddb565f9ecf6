using System.Text.RegularExpressions;

namespace Course.Tests;

/// <summary>Habits every test of the course keeps: no sleeping as synchronisation, and a bound on every wait.</summary>
public sealed partial class HygieneTests
{
    private static IEnumerable<TestCaseData> TestFolders() =>
        Repo.Exercises.SelectMany(exercise => new[]
        {
            new TestCaseData(Path.Combine(exercise.Folder, "tests")).SetArgDisplayNames(exercise.Id + " visible"),
            new TestCaseData(exercise.SuiteFolder).SetArgDisplayNames(exercise.Id + " hidden"),
        });

    [TestCaseSource(nameof(TestFolders))]
    public void Tests_never_sleep_to_synchronise(string folder)
    {
        var sleeps = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadAllLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(x => Sleep().IsMatch(x.line))
            .Select(x => $"{Repo.Relative(x.file)}:{x.number}: {x.line.Trim()}");

        Assert.That(sleeps, Is.Empty, "Await a reply, a probe or a completion, or use FakeTimeProvider, instead of sleeping.");
    }

    [TestCaseSource(nameof(TestFolders))]
    public void Every_async_test_has_a_time_limit(string folder)
    {
        var unbounded = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => AsyncTest().Matches(File.ReadAllText(file)).Select(m => (file, attributes: m.Groups[1].Value, name: m.Groups[2].Value)))
            .Where(t => !t.attributes.Contains("CancelAfter", StringComparison.Ordinal))
            .Select(t => $"{Repo.Relative(t.file)}: {t.name}");

        Assert.That(unbounded, Is.Empty, "An async test can hang: give it [CancelAfter(...)] and await with its token.");
    }

    [GeneratedRegex(@"Thread\.Sleep\(|Task\.Delay\(|SpinWait\.SpinUntil\(")]
    private static partial Regex Sleep();

    [GeneratedRegex(@"((?:\[[^\]]*\]\s*)+)public\s+async\s+Task\s+(\w+)\s*\(")]
    private static partial Regex AsyncTest();
}
