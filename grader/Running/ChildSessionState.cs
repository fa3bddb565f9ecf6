namespace Grader.Running;

/// <summary>
/// Where a test process is, as far as its events tell: loading or between fixtures (<see cref="Idle"/>), in a
/// fixture's set-up or tear-down (<see cref="InFixture"/>), or running a test (<see cref="InTest"/>). Each state
/// knows its own deadline and what a timeout in it means; <see cref="On"/> is the whole transition table.
/// </summary>
internal abstract record ChildSessionState
{
    private ChildSessionState()
    {
    }

    /// <summary>Before the first event: loading and discovery get the start-up limit.</summary>
    public static ChildSessionState Start(DateTimeOffset now) => new Idle(now);

    /// <summary>When the process must send its next event.</summary>
    public abstract DateTimeOffset Deadline(RunLimits limits);

    /// <summary>How the session ends when <see cref="Deadline"/> passes without an event.</summary>
    public abstract ChildSessionEnd TimedOut { get; }

    /// <summary>The state after <paramref name="e"/>, received at <paramref name="now"/>.</summary>
    public ChildSessionState On(RunnerEvent e, DateTimeOffset now) => (this, e.Kind) switch
    {
        (_, RunnerEvent.Started) => new InTest(e, FixtureOf(this), now),
        (InTest test, RunnerEvent.Finished) when test.Fixture is { } fixture => new InFixture(fixture, now), // its next test (or tear-down) starts its own clock
        (_, RunnerEvent.Finished) => new Idle(now),
        (InTest test, RunnerEvent.FixtureStarted) => test with { Fixture = e, Since = now },
        (_, RunnerEvent.FixtureStarted) => new InFixture(e, now),
        (InTest test, RunnerEvent.FixtureFinished) => test with { Fixture = null },
        (InFixture, RunnerEvent.FixtureFinished) => new Idle(now),
        (Idle, _) => new Idle(now),
        _ => this, // a test or a fixture keeps its own clock through other events
    };

    private static RunnerEvent? FixtureOf(ChildSessionState state) => state switch
    {
        InFixture f => f.Fixture,
        InTest t => t.Fixture,
        _ => null,
    };

    /// <summary>Loading, discovering, or between fixtures: silent for the start-up limit means it stalled.</summary>
    public sealed record Idle(DateTimeOffset LastActivity) : ChildSessionState
    {
        public override DateTimeOffset Deadline(RunLimits limits) => LastActivity + limits.StartupTimeout;

        public override ChildSessionEnd TimedOut => ChildSessionEnd.Stalled;
    }

    /// <summary>In a fixture's constructor, set-up or tear-down: it gets the per-test limit.</summary>
    public sealed record InFixture(RunnerEvent Fixture, DateTimeOffset Since) : ChildSessionState
    {
        public override DateTimeOffset Deadline(RunLimits limits) => Since + limits.TestTimeout;

        public override ChildSessionEnd TimedOut => ChildSessionEnd.TestTimedOut;
    }

    /// <summary>Running <paramref name="Test"/> since <paramref name="Since"/>.</summary>
    public sealed record InTest(RunnerEvent Test, RunnerEvent? Fixture, DateTimeOffset Since) : ChildSessionState
    {
        public override DateTimeOffset Deadline(RunLimits limits) => Since + limits.TestTimeout;

        public override ChildSessionEnd TimedOut => ChildSessionEnd.TestTimedOut;
    }
}
