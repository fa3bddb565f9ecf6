using System.Text.Json;
using System.Text.Json.Serialization;

namespace Otp.Dashboard.Internal;

/// <summary>A pid as the page shows and links it: its number and Erlang's notation.</summary>
internal sealed record PidView(long Id, string Text)
{
    public static PidView? Of(Pid? pid) => pid is null ? null : new PidView(pid.Id, pid.ToString());
}

internal sealed record MemoryView(long WorkingSetBytes, long GcHeapBytes, long TotalAllocatedBytes, int Gen0Collections, int Gen1Collections, int Gen2Collections, double GcPauseTimePercentage);

internal sealed record ThreadPoolView(int Threads, long PendingWorkItems, long CompletedWorkItems);

internal sealed record ChartPoint(DateTimeOffset At, double MessagesPerSecond, int Processes);

internal sealed record NodeView(
    string Name,
    DateTimeOffset At,
    double UptimeSeconds,
    int ProcessCount,
    long ProcessesSpawned,
    long MessagesSent,
    long MessagesReceived,
    long MessagesQueued,
    int LongestMailbox,
    long Restarts,
    double MessagesPerSecond,
    int ProcessorCount,
    MemoryView Memory,
    ThreadPoolView ThreadPool,
    IReadOnlyList<string> Applications,
    IReadOnlyList<ChartPoint> Chart,
    bool AllowKill);

internal sealed record ProcessRow(long Id, string Pid, string? Name, string? Behaviour, string Status, int Mailbox, long Handled, int Links, string? Parent);

internal sealed record ProcessList(int Total, int Matching, int Shown, string Sort, bool Descending, IReadOnlyList<ProcessRow> Processes);

internal sealed record ProcessDetail(
    long Id,
    string Pid,
    string? Name,
    string? Behaviour,
    string Status,
    int Mailbox,
    long Handled,
    bool TrapExit,
    PidView? Parent,
    IReadOnlyList<PidView> Links,
    IReadOnlyList<PidView> Monitors,
    IReadOnlyList<PidView> MonitoredBy,
    string? State,
    string? StateError);

internal sealed record TreeNodeView(string Id, PidView? Pid, string Type, string? Behaviour, string? Name, int Restarts, int ChildRestarts, IReadOnlyList<TreeNodeView> Children);

internal sealed record TreeView(string? Application, TreeNodeView Root);

internal sealed record RestartEventView(DateTimeOffset At, string Supervisor, string Child, string Kind, string? Pid, string Reason);

internal sealed record TreesView(IReadOnlyList<TreeView> Trees, IReadOnlyList<RestartEventView> Events);

/// <summary>The JSON the API and the event stream send: the web defaults (camelCase), enums as text.</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>For a server's state: whatever it is, as readable as JSON allows, never failing on cycles or odd types.</summary>
    public static readonly JsonSerializerOptions State = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        MaxDepth = 16,
        Converters = { new JsonStringEnumConverter() },
    };
}
