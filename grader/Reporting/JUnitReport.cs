using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Grader.Reporting;

/// <summary>
/// Renders the report as JUnit XML (one <c>testsuite</c> per exercise), which CI systems show as test results.
/// A build error is one errored test case listing the compiler errors.
/// </summary>
internal static class JUnitReport
{
    /// <summary>The report as JUnit XML.</summary>
    public static string Render(GradeReport report)
    {
        var suites = report.Releases.SelectMany(r => r.Exercises.Select(e => Suite(r, e))).ToList();
        var root = new XElement("testsuites",
            new XAttribute("name", $"grader ({report.Source})"),
            new XAttribute("tests", suites.Sum(s => (int)s.Attribute("tests")!)),
            new XAttribute("failures", suites.Sum(s => (int)s.Attribute("failures")!)),
            new XAttribute("errors", suites.Sum(s => (int)s.Attribute("errors")!)),
            suites);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var text = new Utf8StringWriter();
        using (var writer = XmlWriter.Create(text, settings))
            new XDocument(root).Save(writer);
        return text + "\n";
    }

    private static XElement Suite(ReleaseReport release, ExerciseReport e)
    {
        var cases = e.Tests.Select(t => Case(e, t)).ToList();
        if (e.Status == ExerciseStatus.BuildError)
        {
            var errors = string.Join("\n", e.Diagnostics.Select(d => $"{d.File}:{d.Line}: {d.Code}: {d.Message}"));
            cases.Add(new XElement("testcase", new XAttribute("classname", e.Id), new XAttribute("name", "build"),
                new XElement("error", new XAttribute("type", "build-error"), new XAttribute("message", Clean(e.Message)), Clean(errors))));
        }

        return new XElement("testsuite",
            new XAttribute("name", $"{release.Id}/{e.Id}"),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", e.Tests.Count(t => t.Status == TestStatus.Fail)),
            new XAttribute("errors", e.Tests.Count(t => t.Status is TestStatus.Error or TestStatus.Timeout or TestStatus.Crash) + (e.Status == ExerciseStatus.BuildError ? 1 : 0)),
            new XAttribute("skipped", e.Tests.Count(t => t.Status == TestStatus.Skipped)),
            new XAttribute("time", Seconds(e.Tests.Sum(t => t.DurationMs))),
            new XElement("properties",
                new XElement("property", new XAttribute("name", "status"), new XAttribute("value", StatusText.Word(e.Status))),
                new XElement("property", new XAttribute("name", "level"), new XAttribute("value", e.Level ?? "")),
                new XElement("property", new XAttribute("name", "score"), new XAttribute("value", e.Score.ToString(CultureInfo.InvariantCulture))),
                new XElement("property", new XAttribute("name", "tampered"), new XAttribute("value", e.Tampered ? "true" : "false"))),
            cases);
    }

    private static XElement Case(ExerciseReport e, TestReport t)
    {
        var element = new XElement("testcase",
            new XAttribute("classname", $"{e.Id}.{t.Suite.ToString().ToLowerInvariant()}"),
            new XAttribute("name", Clean(t.Name)),
            new XAttribute("time", Seconds(t.DurationMs)));
        var kind = t.Status switch
        {
            TestStatus.Fail => "failure",
            TestStatus.Error or TestStatus.Timeout or TestStatus.Crash => "error",
            TestStatus.Skipped => "skipped",
            _ => null,
        };
        if (kind is not null)
            element.Add(new XElement(kind, new XAttribute("type", StatusText.Word(t.Status)), new XAttribute("message", Clean(t.Message)), Clean(t.StackTrace)));
        if (t.Output.Length > 0)
            element.Add(new XElement("system-out", Clean(t.Output)));
        return element;
    }

    /// <summary>Drops characters XML cannot hold (a learner's output may contain any).</summary>
    private static string Clean(string text) =>
        text.All(XmlConvert.IsXmlChar) ? text : new string(text.Where(XmlConvert.IsXmlChar).ToArray());

    private static string Seconds(long ms) => (ms / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);

    private sealed class Utf8StringWriter : StringWriter
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
