using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Otp;

/// <summary>
/// A runtime instance: Erlang's node. It holds the process table, the local name registry and the clock
/// (a <see cref="TimeProvider"/>, so tests can drive timeouts with a fake clock). Create one per program or per test,
/// and dispose it to kill every process it still runs.
/// </summary>
public sealed class Node : IDisposable, IAsyncDisposable
{
    private readonly ConcurrentDictionary<long, Process> _processes = new();
    private readonly ConcurrentDictionary<string, Process> _names = new(StringComparer.Ordinal);
    private readonly List<Application> _applications = [];
    private readonly Lock _lock = new(); // guards _applications
    private static int s_unnamed;
    private readonly ILogger? _crashLog;
    private readonly ILogger? _supervisorLog;
    private long _nextId;
    private long _exitedSent;     // messages that reached processes now exited: handled, or dropped with the mailbox
    private long _exitedReceived; // messages those processes handled
    private long _restarts;

    /// <summary>Creates a node.</summary>
    /// <param name="time">The clock for every timeout on this node; <see cref="TimeProvider.System"/> if null.</param>
    public Node(TimeProvider? time = null)
        : this(new NodeOptions { Time = time })
    {
    }

    /// <summary>Creates a node with a name, a clock and a logger (see <see cref="NodeOptions"/>).</summary>
    /// <param name="options">How the node is made.</param>
    public Node(NodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Time = options.Time ?? TimeProvider.System;
        Timers = new TimerQueue(Time);
        Pid = new Pid(Interlocked.Increment(ref _nextId), null);
        var unnamed = options.Name is null ? Interlocked.Increment(ref s_unnamed) : 0;
        Name = options.Name ?? (unnamed == 1 ? "nonode@nohost" : $"nonode{unnamed}@nohost");
        _crashLog = options.LoggerFactory?.CreateLogger(RuntimeLog.CrashCategory);
        _supervisorLog = options.LoggerFactory?.CreateLogger(RuntimeLog.SupervisorCategory);
        RuntimeMeter.Add(this);
    }

    /// <summary>The node's name: Erlang's <c>node()</c> (see <see cref="NodeOptions.Name"/>).</summary>
    public string Name { get; }

    /// <summary>
    /// The clock every timeout, idle timeout and restart intensity on this node reads (Erlang's timers and
    /// <c>erlang:monotonic_time/0</c>); injectable so tests can use a fake clock, which the BEAM cannot do.
    /// </summary>
    public TimeProvider Time { get; }

    /// <summary>The time-outs of calls and receives on this node, behind one timer of <see cref="Time"/>.</summary>
    internal TimerQueue Timers { get; }

    /// <summary>
    /// The node's own pid: the sender of exit signals sent with <see cref="Exit"/> from outside any process (Erlang has
    /// no such pid, since only processes send signals there). No process stands behind it.
    /// </summary>
    public Pid Pid { get; }

    /// <summary>
    /// Raised, on the thread pool, when a process exits with an abnormal reason (anything but <c>normal</c>,
    /// <c>shutdown</c> and <c>{shutdown, _}</c>): the crash reports OTP's logger prints. Handy for logging and teaching;
    /// a handler that throws crashes the program, as any unhandled exception on the thread pool does.
    /// </summary>
    public event Action<Pid, object>? ProcessCrashed;

    /// <summary>
    /// Raised, on the thread pool, when a supervisor on this node reports on a child: it terminated and will be
    /// restarted, it was restarted (with its new pid), a restart failed, or the supervisor gave up (OTP's supervisor
    /// reports). The dashboard counts restarts with it. A handler that throws crashes the program.
    /// </summary>
    public event Action<SupervisorReport>? SupervisorReported;

    /// <summary>Number of live processes: <c>erlang:system_info(process_count)</c>.</summary>
    public int ProcessCount => _processes.Count;

    /// <summary>Starts a process with no parent: <c>spawn/1</c> from outside any process.</summary>
    /// <param name="body">The process's code; when it returns the process exits <c>normal</c>, when it throws it exits with the exception.</param>
    public Pid Spawn(Func<ProcessContext, Task> body) => SpawnProcess(body, null, link: false).Process.Pid;

    /// <summary>
    /// Creates a process without a body for code that is not a process (a test, a console, a web request) to act as one:
    /// it can receive, link, monitor, trap exits and be the caller of a GenServer. Dispose it to end it (reason <c>normal</c>).
    /// </summary>
    public ProcessContext CreateInbox()
    {
        var process = new Process(this, Interlocked.Increment(ref _nextId), null, null);
        _processes[process.Pid.Id] = process;
        RuntimeMeter.ProcessSpawned(this);
        return process.Context;
    }

    /// <summary>Sends a message: <c>Pid ! Msg</c>. Never fails; a message to a dead process is dropped.</summary>
    /// <param name="to">The receiver.</param>
    /// <param name="message">Any non-null value.</param>
    public void Send(Pid to, object message)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(message);
        to.Process?.Enqueue(message);
    }

    /// <summary>Sends to a registered name: <c>Name ! Msg</c>. Throws <see cref="NoProcessException"/> if the name is free (Erlang raises badarg).</summary>
    /// <param name="name">A locally registered name.</param>
    /// <param name="message">Any non-null value.</param>
    public void Send(string name, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var pid = WhereIs(name) ?? throw new NoProcessException(name);
        pid.Process!.Enqueue(message);
    }

    /// <summary>Sends an exit signal from the node itself: <c>exit(Pid, Reason)</c> (see <see cref="ProcessContext.Exit(Pid, object)"/>).</summary>
    /// <param name="pid">The target.</param>
    /// <param name="reason">The reason the signal carries; <c>kill</c> cannot be trapped.</param>
    public void Exit(Pid pid, object reason)
    {
        ArgumentNullException.ThrowIfNull(pid);
        ArgumentNullException.ThrowIfNull(reason);
        pid.Process?.ExitSignal(Pid, reason, viaLink: false);
    }

    /// <summary>Whether the process is alive: <c>is_process_alive/1</c>. False as soon as an exit signal has ended it.</summary>
    /// <param name="pid">The process.</param>
    public bool IsAlive(Pid pid)
    {
        ArgumentNullException.ThrowIfNull(pid);
        return pid.Process?.IsAlive ?? false;
    }

    /// <summary>
    /// Waits until <paramref name="pid"/> exits and returns its exit reason (<c>noproc</c> if it is already dead): a monitor
    /// for code that is not a process. Erlang has no such function; it is a <c>monitor</c> plus a <c>receive</c> of the DOWN.
    /// </summary>
    /// <param name="pid">The process.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public async Task<object> WaitForExitAsync(Pid pid, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pid);
        if (pid.Process is not { } process)
        {
            return ExitReason.NoProc;
        }

        var waiter = new DownWaiter();
        var monitor = process.AddMonitor(waiter, null);
        try
        {
            return await waiter.Reason.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            process.RemoveMonitor(monitor);
        }
    }

    /// <summary>
    /// Registers <paramref name="pid"/> under <paramref name="name"/>: <c>register/2</c>. The name is freed when the process exits.
    /// Throws <see cref="ArgumentException"/> (Erlang's badarg) if the name is taken, the process already has a name, or it is dead.
    /// </summary>
    /// <param name="name">The name.</param>
    /// <param name="pid">A live process on this node.</param>
    public void Register(string name, Pid pid)
    {
        if (!TryRegister(name, pid))
        {
            throw new ArgumentException($"Cannot register {pid} as '{name}': the name is taken, the process already has a name, or it is not alive.", nameof(name));
        }
    }

    /// <summary>Like <see cref="Register"/>, but returns false instead of throwing.</summary>
    /// <param name="name">The name.</param>
    /// <param name="pid">A live process on this node.</param>
    public bool TryRegister(string name, Pid pid)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(pid);
        var process = pid.Process;
        if (process is null || process.Node != this)
        {
            return false;
        }

        return process.TryRegister(name, _names);
    }

    /// <summary>Frees a name: <c>unregister/1</c>. Returns false if it was not registered.</summary>
    /// <param name="name">The name.</param>
    public bool Unregister(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _names.TryGetValue(name, out var process) && process.TryUnregister(name, _names);
    }

    /// <summary>The process registered as <paramref name="name"/>, or null: <c>whereis/1</c>.</summary>
    /// <param name="name">The name.</param>
    public Pid? WhereIs(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _names.TryGetValue(name, out var process) ? process.Pid : null;
    }

    /// <summary>Every registered name: <c>registered/0</c>.</summary>
    public IReadOnlyList<string> Registered() => _names.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Every live process, oldest first: <c>processes/0</c>.</summary>
    public IReadOnlyList<Pid> Processes() => _processes.Select(entry => entry.Value.Pid).Order().ToArray();

    /// <summary>
    /// A snapshot of every live process, oldest first (<see cref="Observer.ProcessTable(Node)"/>): one pass over the
    /// process table into arrays sized once, since the dashboard takes it of 100,000 processes at a time.
    /// </summary>
    internal ProcessInfo[] Snapshots()
    {
        var processes = new List<Process>(_processes.Count + 16);
        foreach (var entry in _processes)
            processes.Add(entry.Value);
        processes.Sort(static (a, b) => a.Pid.CompareTo(b.Pid));
        var infos = new ProcessInfo[processes.Count];
        var count = 0;
        foreach (var process in processes)
        {
            var info = process.Snapshot();
            if (info.Status != ProcessStatus.Exited)
                infos[count++] = info;
        }

        if (count < infos.Length)
            Array.Resize(ref infos, count);
        return infos;
    }

    /// <summary>
    /// The live process numbered <paramref name="id"/> (the middle number of <c>&lt;0.Id.0&gt;</c>), or null if it has
    /// exited or never ran here: Erlang's <c>c:pid(0, Id, 0)</c>, for tools that show pids as text (the dashboard).
    /// </summary>
    /// <param name="id">The process number, <see cref="Pid.Id"/>.</param>
    public Pid? FindPid(long id) => _processes.TryGetValue(id, out var process) ? process.Pid : null;

    /// <summary>A snapshot of a process (<c>process_info/1</c>); null if it has exited, as Erlang returns <c>undefined</c>.</summary>
    /// <param name="pid">The process.</param>
    public ProcessInfo? GetInfo(Pid pid)
    {
        ArgumentNullException.ThrowIfNull(pid);
        var info = pid.Process?.Snapshot();
        return info is null || info.Status == ProcessStatus.Exited ? null : info;
    }

    /// <summary>
    /// Counts for the whole node (see <see cref="NodeStatistics"/>): <c>erlang:statistics/1</c>. Walks the process
    /// table once.
    /// </summary>
    public NodeStatistics GetStatistics()
    {
        long sent = Interlocked.Read(ref _exitedSent);
        long received = Interlocked.Read(ref _exitedReceived);
        long queued = 0;
        var longest = 0;
        var count = 0;
        // Enumerating the dictionary itself takes no lock and copies nothing (its Values property would take every lock,
        // stalling spawns and exits, and copy 100,000 references each time the dashboard or a metrics reader asks).
        foreach (var (_, process) in _processes)
        {
            var waiting = process.MessageCount;
            var handled = process.MessagesHandled;
            count++;
            queued += waiting;
            longest = Math.Max(longest, waiting);
            sent += handled + waiting;
            received += handled;
        }

        return new NodeStatistics(Name, count, Interlocked.Read(ref _nextId) - 1, sent, received, queued, longest, Interlocked.Read(ref _restarts));
    }

    /// <summary>The applications running on this node, in start order: <c>application:which_applications/0</c>.</summary>
    public IReadOnlyList<Application> Applications()
    {
        lock (_lock)
        {
            return _applications.ToArray();
        }
    }

    /// <summary>Kills every process still running on this node (reason <c>kill</c>), as a node going down ends its processes.</summary>
    public void Dispose()
    {
        foreach (var (_, process) in _processes)
        {
            process.ExitSignal(Pid, ExitReason.Kill, viaLink: false);
        }
    }

    /// <summary>Same as <see cref="Dispose"/>.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    internal (Process Process, MonitorRef? Monitor) SpawnProcess(
        Func<ProcessContext, Task> body, Process? parent, bool link, IDownHandler? monitorFrom = null, Process? monitorHolder = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var process = new Process(this, Interlocked.Increment(ref _nextId), body, parent?.Pid);
        _processes[process.Pid.Id] = process;
        RuntimeMeter.ProcessSpawned(this);
        if (link)
        {
            parent!.Link(process);
        }

        var monitor = monitorFrom is null ? null : process.AddMonitor(monitorFrom, monitorHolder);
        process.Start();
        return (process, monitor);
    }

    internal void AddApplication(Application application)
    {
        lock (_lock)
        {
            _applications.Add(application);
        }
    }

    internal void RemoveApplication(Application application)
    {
        lock (_lock)
        {
            _applications.Remove(application);
        }
    }

    /// <summary>A permanent application stopped: stop the others (newest first), then kill what is left.</summary>
    internal async Task ShutdownAsync(Application cause)
    {
        foreach (var application in Applications().Reverse().Where(a => a != cause))
        {
            try
            {
                await application.StopAsync().ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // stopped meanwhile
            }
        }

        Dispose();
    }

    internal void OnExited(Process process, object reason, long handled, int dropped)
    {
        var name = process.RegisteredName;
        if (name is not null)
        {
            _names.TryRemove(new KeyValuePair<string, Process>(name, process));
        }

        _processes.TryRemove(process.Pid.Id, out _);
        Interlocked.Add(ref _exitedReceived, handled);
        Interlocked.Add(ref _exitedSent, handled + dropped);
        RuntimeMeter.ProcessExited(this, reason);
        if (!ExitReason.IsNormal(reason) && (ProcessCrashed is not null || _crashLog is not null))
        {
            ReportCrash(process.Pid, name, process.Behaviour, reason);
        }
    }

    /// <summary>A supervisor's report: counted, logged and raised (off the supervisor's thread).</summary>
    internal void ReportSupervisor(SupervisorReport report)
    {
        var supervisor = report.SupervisorName ?? report.Supervisor.ToString();
        if (report.Kind == SupervisorReportKind.ChildRestarted)
        {
            Interlocked.Increment(ref _restarts);
            RuntimeMeter.ChildRestarted(this, supervisor, report.ChildId);
        }

        if (_supervisorLog is { } log)
        {
            var child = report.ChildPid?.ToString();
            var reason = RuntimeLog.Describe(report.Reason);
            switch (report.Kind)
            {
                case SupervisorReportKind.ChildTerminated:
                    RuntimeLog.ChildTerminated(log, supervisor, report.ChildId, child, reason);
                    break;
                case SupervisorReportKind.ChildRestarted:
                    RuntimeLog.ChildRestarted(log, supervisor, report.ChildId, child);
                    break;
                case SupervisorReportKind.StartError:
                    RuntimeLog.StartError(log, supervisor, report.ChildId, reason);
                    break;
                default:
                    RuntimeLog.Shutdown(log, supervisor, report.ChildId, reason);
                    break;
            }
        }

        if (SupervisorReported is { } handlers)
        {
            ThreadPool.UnsafeQueueUserWorkItem(_ => handlers(report), null);
        }
    }

    // Subscribers and loggers are user code: they run on the thread pool, never on the thread that ended the process. A
    // method of its own, so OnExited allocates no closure for the exits nobody hears about.
    private void ReportCrash(Pid pid, string? name, string? behaviour, object reason) =>
        ThreadPool.UnsafeQueueUserWorkItem(
            _ =>
            {
                if (_crashLog is { } log)
                {
                    RuntimeLog.Crash(log, reason as Exception, pid.ToString(), name ?? "no name", behaviour ?? "process", Name, RuntimeLog.Describe(reason));
                }

                ProcessCrashed?.Invoke(pid, reason);
            },
            null);
}
