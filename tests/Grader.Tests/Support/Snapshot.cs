using System.Text.RegularExpressions;
using ApprovalTests;
using ApprovalTests.Core;
using ApprovalTests.Reporters;

namespace Grader.Tests.Support;

/// <summary>
/// The one place that knows the snapshot library. Approved files are <c>Snapshots/&lt;name&gt;.approved.txt</c> in the
/// source tree; a mismatch fails the test and leaves a <c>.received.txt</c> next to it (git-ignored), never opening
/// a diff tool, so CI cannot hang.
/// </summary>
internal static partial class Snapshot
{
    /// <summary>Fails unless <paramref name="text"/>, scrubbed, equals the approved snapshot called <paramref name="name"/>.</summary>
    public static void Verify(string text, string name)
    {
        var writer = new ApprovalTextWriter(Scrub(text), "txt");
        Approvals.Verify(writer, new Namer(name), new QuietReporter());
    }

    /// <summary>Removes what changes from run to run: durations, absolute paths, child-process output and stack traces.</summary>
    public static string Scrub(string text)
    {
        text = text.ReplaceLineEndings("\n");
        foreach (var path in new[] { TestPaths.FixtureCourse, GraderTester.SharedWorkDirectory, Path.GetTempPath().TrimEnd('/') })
            text = text.Replace(path, "<path>", StringComparison.Ordinal);
        text = DurationMs().Replace(text, "\"durationMs\": 0");
        text = JUnitTime().Replace(text, "time=\"0\"");
        text = StackTraceValue().Replace(text, "$1\"<stack trace>\"$2");
        text = JUnitChildOutput().Replace(text, "<system-out>(test process output)</system-out>");
        text = Flood().Replace(text, "<lines of x>");
        text = Blob().Replace(text, "<y without a newline>");
        text = ProcessIds().Replace(text, "started processes <pid> <pid>");
        return ChildOutput().Replace(text, "$1\"<test process output>\"$2");
    }

    [GeneratedRegex(@"(?:x{1000}(?:\\n|\n))+x*")]
    private static partial Regex Flood();

    [GeneratedRegex("y{100,}")]
    private static partial Regex Blob();

    [GeneratedRegex(@"started processes \d+ \d+")]
    private static partial Regex ProcessIds();

    [GeneratedRegex("\"durationMs\": \\d+")]
    private static partial Regex DurationMs();

    [GeneratedRegex(@"<system-out>\[stderr\].*?</system-out>", RegexOptions.Singleline)]
    private static partial Regex JUnitChildOutput();

    [GeneratedRegex("time=\"[0-9.]+\"")]
    private static partial Regex JUnitTime();

    [GeneratedRegex("^(\\s*\"stackTrace\": )\"(?:[^\"\\\\]|\\\\.)+\"(,?)$", RegexOptions.Multiline)]
    private static partial Regex StackTraceValue();

    [GeneratedRegex("^(\\s*\"output\": )\"(?:[^\"\\\\]|\\\\.)*\\[stderr\\](?:[^\"\\\\]|\\\\.)*\"(,?)$", RegexOptions.Multiline)]
    private static partial Regex ChildOutput();

    private sealed class Namer(string name) : IApprovalNamer
    {
        public string SourcePath => Path.Combine(TestPaths.SourceDirectory, "Snapshots");

        public string Name => name;
    }
}
