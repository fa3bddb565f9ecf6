using System.Diagnostics.CodeAnalysis;

namespace Otp;

/// <summary>
/// A process seen from the inside: what Erlang code does with <c>self()</c> (receive, link, monitor, trap exits, exit).
/// A process body gets one as its argument; <see cref="Node.CreateInbox"/> makes one for code that is not a process
/// (a test, a console), so it can receive replies, DOWN and EXIT messages.
/// Only the process's own code may receive; the other members are safe from any thread.
/// Where .NET differs: running code cannot be stopped from outside, so once an exit signal has ended the process (it is
/// dead for everyone else at once), its code is stopped the next time it receives, sends or spawns: those throw
/// <see cref="OperationCanceledException"/>, which the runtime absorbs when it leaves the body.
/// </summary>
public sealed class ProcessContext : IDisposable
{
    internal ProcessContext(Process process) => Process = process;

    /// <summary>This process's pid: Erlang's <c>self()</c>.</summary>
    public Pid Self => Process.Pid;

    /// <summary>The node this process runs on.</summary>
    public Node Node => Process.Node;

    /// <summary>The process that spawned this one, if any (proc_lib's parent; null when spawned from outside a process).</summary>
    public Pid? Parent => Process.Parent;

    /// <summary>
    /// Whether exit signals become <see cref="ExitMessage"/>s instead of ending this process:
    /// <c>process_flag(trap_exit, Bool)</c>. A <c>kill</c> sent with exit/2 ends it regardless.
    /// </summary>
    public bool TrapExit
    {
        get => Process.TrapExit;
        set => Process.TrapExit = value;
    }

    /// <summary>Messages waiting in the mailbox: <c>process_info(self(), message_queue_len)</c>.</summary>
    public int MessageQueueLength => Process.MessageCount;

    /// <summary>
    /// Cancelled when this process exits. .NET cannot stop running code from outside, so an exit signal takes effect
    /// when the process next receives; long computations can watch this token to stop sooner.
    /// </summary>
    public CancellationToken ExitToken => Process.ExitToken;

    internal Process Process { get; }

    /// <summary>
    /// Waits for the oldest message, with no time limit: <c>receive Msg -&gt; Msg end</c>. Every receive throws
    /// <see cref="OperationCanceledException"/> once this process has exited (an exit signal ended it).
    /// </summary>
    /// <param name="cancellationToken">Gives up waiting (throws <see cref="OperationCanceledException"/>).</param>
    public ValueTask<object> ReceiveAsync(CancellationToken cancellationToken = default) =>
        cancellationToken.CanBeCanceled ? ReceiveCancellableAsync(cancellationToken) : Process.ReceiveAnyAsync();

    /// <summary>
    /// Waits at most <paramref name="timeout"/> for the oldest message: <c>receive Msg -&gt; Msg after T -&gt; timeout end</c>.
    /// Returns null when the time runs out (messages are never null). <see cref="TimeSpan.Zero"/> only looks;
    /// <see cref="Timeout.InfiniteTimeSpan"/> waits forever. Time comes from the node's <see cref="TimeProvider"/>.
    /// </summary>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Gives up waiting (throws <see cref="OperationCanceledException"/>).</param>
    public ValueTask<object?> ReceiveAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Process.ReceiveAsync(null, CheckTimeout(timeout), cancellationToken);

    /// <summary>
    /// Selective receive: takes the oldest message <paramref name="match"/> accepts, leaving the others in order,
    /// as an Erlang receive with patterns does. Returns null if none arrives within <paramref name="timeout"/>.
    /// </summary>
    /// <param name="match">The pattern; called on this process's thread, once per message at most per receive.</param>
    /// <param name="timeout">How long to wait; <see cref="Timeout.InfiniteTimeSpan"/> for ever.</param>
    /// <param name="cancellationToken">Gives up waiting (throws <see cref="OperationCanceledException"/>).</param>
    public ValueTask<object?> ReceiveAsync(Func<object, bool> match, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        return Process.ReceiveAsync(match, CheckTimeout(timeout), cancellationToken);
    }

    /// <summary>
    /// Selective receive by type: the oldest message of type <typeparamref name="T"/> that <paramref name="match"/> accepts
    /// (any of that type if null), or null after <paramref name="timeout"/> (default: for ever).
    /// </summary>
    /// <typeparam name="T">The message type to wait for.</typeparam>
    /// <param name="match">An extra condition, or null.</param>
    /// <param name="timeout">How long to wait; null for ever.</param>
    /// <param name="cancellationToken">Gives up waiting (throws <see cref="OperationCanceledException"/>).</param>
    public async ValueTask<T?> ReceiveAsync<T>(Func<T, bool>? match = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        where T : class
    {
        var message = await Process.ReceiveAsync(
            m => m is T t && (match is null || match(t)),
            CheckTimeout(timeout ?? Timeout.InfiniteTimeSpan),
            cancellationToken).ConfigureAwait(false);
        return (T?)message;
    }

    /// <summary>Sends a message: <c>Pid ! Msg</c>. Never fails; a message to a dead process is dropped.</summary>
    /// <param name="to">The receiver.</param>
    /// <param name="message">Any non-null value.</param>
    public void Send(Pid to, object message)
    {
        ThrowIfExited();
        Node.Send(to, message);
    }

    /// <summary>Sends to a registered name: <c>Name ! Msg</c>. Throws <see cref="NoProcessException"/> if the name is free, as Erlang raises badarg.</summary>
    /// <param name="name">A locally registered name.</param>
    /// <param name="message">Any non-null value.</param>
    public void Send(string name, object message)
    {
        ThrowIfExited();
        Node.Send(name, message);
    }

    /// <summary>Starts a process whose parent is this one: <c>spawn/1</c>.</summary>
    /// <param name="body">The process's code; when it returns the process exits <c>normal</c>, when it throws it exits with the exception.</param>
    public Pid Spawn(Func<ProcessContext, Task> body)
    {
        ThrowIfExited();
        return Node.SpawnProcess(body, Process, link: false).Process.Pid;
    }

    /// <summary>Starts a process linked to this one, atomically: <c>spawn_link/1</c>.</summary>
    /// <param name="body">The process's code.</param>
    public Pid SpawnLink(Func<ProcessContext, Task> body) => Node.SpawnProcess(body, Process, link: true).Process.Pid;

    /// <summary>Starts a process monitored by this one, atomically: <c>spawn_monitor/1</c>.</summary>
    /// <param name="body">The process's code.</param>
    public (Pid Pid, MonitorRef Monitor) SpawnMonitor(Func<ProcessContext, Task> body)
    {
        ThrowIfExited();
        var child = Node.SpawnProcess(body, Process, link: false, monitorFrom: Process, monitorHolder: Process);
        return (child.Process.Pid, child.Monitor!);
    }

    /// <summary>
    /// Links this process with <paramref name="pid"/>: <c>link/1</c>. An abnormal exit of either then reaches the other.
    /// If <paramref name="pid"/> is dead, a process that traps exits gets <c>{'EXIT', Pid, noproc}</c>;
    /// otherwise this throws <see cref="NoProcessException"/>, as Erlang raises <c>noproc</c>.
    /// </summary>
    /// <param name="pid">The process to link to.</param>
    public void Link(Pid pid)
    {
        ArgumentNullException.ThrowIfNull(pid);
        if (pid.Process is not null && Process.Link(pid.Process))
        {
            return;
        }

        if (!TrapExit)
        {
            throw new NoProcessException(pid);
        }

        Process.Enqueue(new ExitMessage(pid, ExitReason.NoProc));
    }

    /// <summary>Removes the link with <paramref name="pid"/>, both ways: <c>unlink/1</c>. No exit signal from it arrives afterwards.</summary>
    /// <param name="pid">The linked process.</param>
    public void Unlink(Pid pid)
    {
        ArgumentNullException.ThrowIfNull(pid);
        if (pid.Process is not null)
        {
            Process.Unlink(pid.Process);
        }
    }

    /// <summary>
    /// Monitors <paramref name="pid"/>: <c>monitor(process, Pid)</c>. Exactly one <see cref="DownMessage"/> follows when it exits,
    /// at once with <c>noproc</c> if it is already dead. Monitoring twice gives two independent monitors.
    /// </summary>
    /// <param name="pid">The process to watch.</param>
    public MonitorRef Monitor(Pid pid)
    {
        ArgumentNullException.ThrowIfNull(pid);
        if (pid.Process is null)
        {
            var none = new MonitorRef(null, Process);
            Process.Enqueue(new DownMessage(none, pid, ExitReason.NoProc));
            return none;
        }

        return pid.Process.AddMonitor(Process, Process);
    }

    /// <summary>Monitors the process registered as <paramref name="name"/> now; DOWN with <c>noproc</c> at once if the name is free.</summary>
    /// <param name="name">A locally registered name.</param>
    public MonitorRef Monitor(string name)
    {
        var pid = Node.WhereIs(name);
        return pid is null ? Monitor(new Pid(0, null)) : Monitor(pid);
    }

    /// <summary>
    /// Turns a monitor off: <c>demonitor/2</c>. Once it returns, no DOWN for the monitor arrives any more, even if the
    /// target is exiting at this very moment. With <paramref name="flush"/> a DOWN already delivered for it is removed
    /// from the mailbox too (<c>[flush]</c>). Returns true if the monitor was still active, so no DOWN was delivered and
    /// none will be; false if its DOWN was already delivered or the monitor is not this process's (<c>[info]</c>).
    /// </summary>
    /// <param name="monitor">The monitor to remove.</param>
    /// <param name="flush">Also remove its DOWN message if already queued.</param>
    public bool Demonitor(MonitorRef monitor, bool flush = false)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        // The holder's side decides: from here on no DOWN for it is queued (see Process.OnDown); then the target forgets it.
        var active = Process.ForgetMonitor(monitor);
        if (active)
        {
            monitor.Target?.RemoveMonitor(monitor);
        }

        if (flush)
        {
            Process.TryTake(m => m is DownMessage down && down.Ref == monitor);
        }

        return active;
    }

    /// <summary>
    /// Ends this process with <paramref name="reason"/>: <c>exit(Reason)</c>. Throws <see cref="ExitException"/>, which the
    /// runtime turns into the exit reason when it leaves the process body.
    /// </summary>
    /// <param name="reason">The exit reason.</param>
    [DoesNotReturn]
    public void Exit(object reason) => throw new ExitException(reason);

    /// <summary>
    /// Sends an exit signal to <paramref name="pid"/>: <c>exit(Pid, Reason)</c>. <c>kill</c> cannot be trapped and makes it
    /// exit with <c>killed</c>; <c>normal</c> is ignored unless the target traps exits (or is this process);
    /// any other reason ends it unless it traps exits.
    /// </summary>
    /// <param name="pid">The target.</param>
    /// <param name="reason">The reason the signal carries.</param>
    public void Exit(Pid pid, object reason)
    {
        ArgumentNullException.ThrowIfNull(pid);
        ArgumentNullException.ThrowIfNull(reason);
        pid.Process?.ExitSignal(Self, reason, viaLink: false);
    }

    /// <summary>Registers this process under <paramref name="name"/>: <c>register(Name, self())</c>. See <see cref="Node.Register"/>.</summary>
    /// <param name="name">The name.</param>
    public void Register(string name) => Node.Register(name, Self);

    /// <summary>Ends an inbox (or this process) with reason <c>normal</c> if it is still alive.</summary>
    public void Dispose() => Process.Terminate(ExitReason.Normal);

    private async ValueTask<object> ReceiveCancellableAsync(CancellationToken cancellationToken) =>
        (await Process.ReceiveAsync(null, Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false))!;

    /// <summary>
    /// The code of a process that an exit signal has ended stops the next time it uses the runtime: a dead process
    /// sends nothing and starts nothing, as in Erlang.
    /// </summary>
    private void ThrowIfExited()
    {
        if (Process.HasExited)
        {
            throw ProcessKilledSignal.Instance;
        }
    }

    private static TimeSpan CheckTimeout(TimeSpan timeout)
    {
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "A timeout is zero or more, or Timeout.InfiniteTimeSpan.");
        }

        return timeout;
    }
}
