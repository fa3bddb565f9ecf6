using Grader.Reporting;

namespace Grader.Running;

/// <summary>What the hidden <c>__run-tests</c> command is told: the assemblies, the channel, and which tests to run.</summary>
internal sealed record ChildRunnerOptions(
    string VisibleAssembly,
    string? HiddenAssembly,
    string? OnlyFile)
{
    /// <summary>Reads the file of tests to run: one <c>suite&lt;TAB&gt;full name</c> per line.</summary>
    public IReadOnlyList<(TestSuite Suite, string FullName)>? ReadOnly()
    {
        if (OnlyFile is null)
            return null;
        return File.ReadAllLines(OnlyFile)
            .Where(l => l.Contains('\t'))
            .Select(l => (Enum.Parse<TestSuite>(l[..l.IndexOf('\t')]), l[(l.IndexOf('\t') + 1)..]))
            .ToList();
    }

    /// <summary>Writes the file <see cref="ReadOnly"/> reads.</summary>
    public static void WriteOnly(string path, IEnumerable<(TestSuite Suite, string FullName)> tests) =>
        File.WriteAllLines(path, tests.Select(t => $"{t.Suite}\t{t.FullName}"));
}
