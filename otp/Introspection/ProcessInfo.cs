namespace Otp;

/// <summary>
/// A snapshot of one process, for teaching and for the observer exercise: Erlang's <c>process_info/1</c>.
/// </summary>
/// <param name="Pid">The process.</param>
/// <param name="Status">Running, waiting in receive, or exited.</param>
/// <param name="MessageQueueLength">Messages waiting in its mailbox (<c>message_queue_len</c>).</param>
/// <param name="MessagesHandled">Messages it has taken out of its mailbox so far (Erlang has no such counter; <c>reductions</c> is the nearest).</param>
/// <param name="Links">Processes linked to it (<c>links</c>).</param>
/// <param name="Monitors">Processes it monitors (<c>monitors</c>).</param>
/// <param name="MonitoredBy">Processes monitoring it (<c>monitored_by</c>; monitors held by pending calls are not listed).</param>
/// <param name="RegisteredName">Its locally registered name, if any (<c>registered_name</c>).</param>
/// <param name="Behaviour">The behaviour it runs (<c>gen_server</c>, <c>supervisor</c>, ...), null for a plain process.</param>
/// <param name="TrapExit">Whether it traps exits (<c>trap_exit</c>).</param>
/// <param name="Parent">The process that started it, null for a process spawned from outside any process.</param>
/// <param name="ExitReason">Its exit reason once it has exited, else null.</param>
public sealed record ProcessInfo(
    Pid Pid,
    ProcessStatus Status,
    int MessageQueueLength,
    long MessagesHandled,
    IReadOnlyList<Pid> Links,
    IReadOnlyList<Pid> Monitors,
    IReadOnlyList<Pid> MonitoredBy,
    string? RegisteredName,
    string? Behaviour,
    bool TrapExit,
    Pid? Parent,
    object? ExitReason);
