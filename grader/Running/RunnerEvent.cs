using System.Text.Json;
using System.Text.Json.Serialization;
using Grader.Reporting;

namespace Grader.Running;

/// <summary>
/// One line of the private channel from the test process to the grader (JSON lines over a named pipe, never stdout,
/// so nothing the learner's code prints can change the report). The whole protocol is this one record.
/// </summary>
internal sealed record RunnerEvent
{
    /// <summary>A test the run will contain (sent for every test before any runs).</summary>
    public const string Discovered = "discovered";

    /// <summary>A test began.</summary>
    public const string Started = "started";

    /// <summary>A test ended; <see cref="Outcome"/> says how.</summary>
    public const string Finished = "finished";

    /// <summary>Every test of the run has been reported.</summary>
    public const string RunFinished = "run-finished";

    /// <summary>A fixture began (its constructor and one-time set-up run before its first test starts).</summary>
    public const string FixtureStarted = "fixture-started";

    /// <summary>A fixture ended (after its one-time tear-down).</summary>
    public const string FixtureFinished = "fixture-finished";

    /// <summary>The runner itself failed (an assembly that cannot be loaded); <see cref="Message"/> says why.</summary>
    public const string RunnerError = "runner-error";

    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public required string Kind { get; init; }
    public TestSuite Suite { get; init; }

    /// <summary>NUnit's full name (namespace, fixture, test and arguments).</summary>
    public string FullName { get; init; } = "";

    /// <summary><c>Fixture.Test</c>.</summary>
    public string Name { get; init; } = "";

    /// <summary>The fixture class name, e.g. <c>Step1_A_mailbox</c>.</summary>
    public string Fixture { get; init; } = "";

    /// <summary>The fixture's full class name; identifies the fixture a hanging set-up belongs to.</summary>
    public string ClassName { get; init; } = "";

    /// <summary>
    /// The README step the test declares with NUnit's <c>[Property("Step", N)]</c>, on the test or on its fixture (the
    /// test's wins); null when neither declares one.
    /// </summary>
    public int? Step { get; init; }

    public TestStatus Outcome { get; init; }
    public string Message { get; init; } = "";
    public string StackTrace { get; init; } = "";
    public string Output { get; init; } = "";
    public double DurationMs { get; init; }

    /// <summary>With <see cref="Finished"/>: the <see cref="Running.OutputMark"/> written to the console just before.</summary>
    public string OutputMark { get; init; } = "";

    /// <summary>The test's identity within an exercise: suite and full name.</summary>
    [JsonIgnore]
    public string Id => TestId(Suite, FullName);

    /// <summary>Builds the identity of a test.</summary>
    public static string TestId(TestSuite suite, string fullName) => $"{suite}:{fullName}";

    /// <summary>One line of JSON.</summary>
    public string ToJsonLine() => JsonSerializer.Serialize(this, s_options);

    /// <summary>Parses a line, or returns null when it is not an event (the channel is private, but a grader never trusts it blindly).</summary>
    public static RunnerEvent? Parse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<RunnerEvent>(line, s_options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
