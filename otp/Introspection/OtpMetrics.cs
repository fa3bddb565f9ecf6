namespace Otp;

/// <summary>
/// The names of the runtime's <see cref="System.Diagnostics.Metrics"/> instruments, all on one meter called
/// <see cref="MeterName"/>: read them with <c>dotnet-counters monitor --counters Otp</c>, an OpenTelemetry
/// <c>AddMeter("Otp")</c>, or a <see cref="System.Diagnostics.Metrics.MeterListener"/>. Every measurement carries the node's
/// name as the tag <see cref="NodeTag"/>. The counters cost a check of a flag while nobody listens; the observable
/// instruments cost nothing until they are read, and then walk the process table once per instrument.
/// Erlang has no meter; its nearest are <c>erlang:statistics/1</c> and <c>erlang:system_info/1</c>.
/// </summary>
public static class OtpMetrics
{
    /// <summary>The meter's name: <c>Otp</c>.</summary>
    public const string MeterName = "Otp";

    /// <summary>Tag on every measurement: the node's name.</summary>
    public const string NodeTag = "otp.node";

    /// <summary>Tag on <see cref="ProcessesExited"/>: <c>normal</c>, <c>shutdown</c>, <c>killed</c>, <c>exception</c> or <c>other</c>.</summary>
    public const string ExitKindTag = "otp.exit.kind";

    /// <summary>Tag on <see cref="ProcessesExited"/> whose reason is an exception: its type's full name.</summary>
    public const string ErrorTypeTag = "error.type";

    /// <summary>Tag on <see cref="Restarts"/>: the supervisor's registered name, or its pid.</summary>
    public const string SupervisorTag = "otp.supervisor";

    /// <summary>Tag on <see cref="Restarts"/>: the restarted child's id.</summary>
    public const string ChildTag = "otp.child.id";

    /// <summary>Observable up-down counter: live processes.</summary>
    public const string ProcessCount = "otp.process.count";

    /// <summary>Counter: processes started.</summary>
    public const string ProcessesSpawned = "otp.process.spawned";

    /// <summary>Counter: processes exited, by <see cref="ExitKindTag"/>.</summary>
    public const string ProcessesExited = "otp.process.exited";

    /// <summary>Counter: children restarted, by <see cref="SupervisorTag"/> and <see cref="ChildTag"/>.</summary>
    public const string Restarts = "otp.supervisor.restarts";

    /// <summary>Observable counter: messages put into mailboxes.</summary>
    public const string MessagesSent = "otp.message.sent";

    /// <summary>Observable counter: messages taken out of mailboxes.</summary>
    public const string MessagesReceived = "otp.message.received";

    /// <summary>Observable up-down counter: messages waiting in all mailboxes.</summary>
    public const string MessagesQueued = "otp.mailbox.messages";

    /// <summary>Observable gauge: the longest mailbox.</summary>
    public const string LongestMailbox = "otp.mailbox.longest";
}
