using Grader.Reporting;
using NUnit.Framework.Interfaces;
using NUnitStatus = NUnit.Framework.Interfaces.TestStatus;
using TestStatus = Grader.Reporting.TestStatus;

namespace Grader.Running;

/// <summary>Inside the test process: turns NUnit's events for test cases (not suites) into <see cref="RunnerEvent"/> lines.</summary>
internal sealed class PipeTestListener : ITestListener
{
    private const int MaxStackLines = 8;
    private const int MaxTextLength = 64 * 1024;
    private readonly TestSuite _suite;
    private readonly Action<RunnerEvent> _send;

    public PipeTestListener(TestSuite suite, Action<RunnerEvent> send)
    {
        _suite = suite;
        _send = send;
    }

    /// <summary>The event announcing a test before the run.</summary>
    public static RunnerEvent Describe(TestSuite suite, ITest test, string kind) => new()
    {
        Kind = kind,
        Suite = suite,
        FullName = test.FullName,
        Name = $"{test.ClassName?.Split('.', '+')[^1]}.{test.Name}",
        Fixture = test.ClassName?.Split('.', '+')[^1] ?? "",
        ClassName = test.ClassName ?? "",
        Step = DeclaredStep(test),
    };

    /// <summary>The name of the NUnit property a hidden test or fixture names its README step with.</summary>
    public const string StepProperty = "Step";

    /// <summary>The step <c>[Property("Step", N)]</c> declares on <paramref name="test"/> or the nearest suite above it.</summary>
    public static int? DeclaredStep(ITest test)
    {
        for (var current = test; current is not null; current = current.Parent)
        {
            if (current.Properties.ContainsKey(StepProperty) && current.Properties.Get(StepProperty) is { } value)
                return value switch
                {
                    int step => step,
                    string text when int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var step) => step,
                    _ => null,
                };
        }

        return null;
    }

    private static bool IsFixture(ITest test) => test.IsSuite && test.TestType == "TestFixture";

    public void TestStarted(ITest test)
    {
        if (!test.IsSuite)
            _send(Describe(_suite, test, RunnerEvent.Started));
        else if (IsFixture(test))
            _send(Describe(_suite, test, RunnerEvent.FixtureStarted));
    }

    public void TestFinished(ITestResult result)
    {
        if (result.Test.IsSuite)
        {
            if (IsFixture(result.Test))
                _send(Describe(_suite, result.Test, RunnerEvent.FixtureFinished));
            return;
        }

        var mark = OutputMark.Next();
        OutputMark.Write(mark);
        _send(Describe(_suite, result.Test, RunnerEvent.Finished) with
        {
            OutputMark = mark,
            Outcome = Outcome(result.ResultState),
            Message = Cap(result.Message),
            StackTrace = Trim(result.StackTrace),
            Output = Cap(result.Output),
            DurationMs = result.Duration * 1000,
        });
    }

    public void TestOutput(TestOutput output)
    {
        // Output is collected per test by NUnit and sent with the result.
    }

    public void SendMessage(TestMessage message)
    {
    }

    private static TestStatus Outcome(ResultState state) => state.Status switch
    {
        NUnitStatus.Passed or NUnitStatus.Warning => TestStatus.Pass,
        NUnitStatus.Skipped or NUnitStatus.Inconclusive => TestStatus.Skipped,
        _ when state.Label == "Error" => TestStatus.Error,
        _ => TestStatus.Fail,
    };

    /// <summary>A test that floods the console must not flood the channel or the report.</summary>
    private static string Cap(string? text) => text is null ? ""
        : text.Length <= MaxTextLength ? text
        : text[..MaxTextLength] + $"\n[truncated at {MaxTextLength / 1024} KB]\n";

    private static string Trim(string? stackTrace) =>
        stackTrace is null ? "" : string.Join("\n", stackTrace.ReplaceLineEndings("\n").Split('\n').Take(MaxStackLines)).TrimEnd();
}
