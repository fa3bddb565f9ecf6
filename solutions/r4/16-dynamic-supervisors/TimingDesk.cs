using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Otp;

namespace DynamicSupervisors;

/// <summary>
/// The timing desk of a race: one <see cref="RunnerClock"/> per runner, started the first time the runner is asked
/// for, supervised by the desk's DynamicSupervisor and found by the runner's name in the desk's registry.
/// </summary>
/// <remarks>
/// Three parts, each doing one job. The registry (an object in this runtime, not a process) maps names to pids and
/// forgets a pid when its process exits. The DynamicSupervisor starts clocks on demand, restarts a crashed one, and
/// refuses a start beyond its cap. The tree (a plain Supervisor) restarts the DynamicSupervisor if that dies. The desk
/// itself holds no pid of any process but the tree's: it reaches the DynamicSupervisor and the clocks by name, so a
/// restart of either, which changes the pid, changes nothing here.
/// </remarks>
public sealed class TimingDesk
{
    // The DynamicSupervisor is registered in the same registry as the clocks, under a key no runner's name (a string)
    // can be. After a restart the new supervisor takes the key, and the desk finds it there.
    private static readonly object SupervisorKey = typeof(TimingDesk);

    private static readonly Atom MaxChildren = new("max_children");
    private static readonly Atom AlreadyStarted = new("already_started");

    private readonly Node _node;
    private readonly IEntryList _entries;
    private readonly int _capacity;
    private readonly Registry _names;
    private readonly ServerName _supervisor;

    private TimingDesk(Node node, IEntryList entries, int capacity, Registry names, ServerName supervisor, Pid tree)
    {
        _node = node;
        _entries = entries;
        _capacity = capacity;
        _names = names;
        _supervisor = supervisor;
        Tree = tree;
    }

    /// <summary>
    /// The desk's supervision tree: a Supervisor whose one child is the DynamicSupervisor of the clocks, which it restarts
    /// if it dies.
    /// </summary>
    public Pid Tree { get; }

    /// <summary>
    /// Starts a desk on <paramref name="node"/>: its registry, and its tree with the DynamicSupervisor (no clocks yet),
    /// which runs at most <paramref name="capacity"/> clocks at once.
    /// </summary>
    /// <param name="node">The node the desk's processes run on.</param>
    /// <param name="entries">Who may have a clock.</param>
    /// <param name="capacity">The most clocks at once; one or more.</param>
    /// <returns>The running desk.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="node"/> or <paramref name="entries"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than one.</exception>
    public static async Task<TimingDesk> StartAsync(Node node, IEntryList entries, int capacity)
    {
        // A null node is refused by Supervisor.StartAsync, before any process starts.
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);

        var names = new Registry(RegistryKeys.Unique);
        var supervisor = ServerName.Via(names, SupervisorKey);

        // Elixir: children = [{DynamicSupervisor, name: ..., max_children: capacity}]; Supervisor.start_link(children, ...).
        // The cap is the supervisor's: it counts its own children, so two starts at once cannot both slip under it.
        var clocks = DynamicSupervisor.ChildSpec(new DynamicSupervisorOptions { Name = supervisor, MaxChildren = capacity });
        var tree = await Supervisor.StartAsync(node, [clocks]);
        return new TimingDesk(node, entries, capacity, names, supervisor, tree);
    }

    /// <summary>
    /// The clock of <paramref name="runner"/>: the one that runs, found by name without asking the entry list; otherwise,
    /// for an entered runner, a new one started under the DynamicSupervisor and registered under the runner's name.
    /// Two callers at once for one runner get the same clock: exactly one starts.
    /// </summary>
    /// <param name="runner">The runner's name (not null or empty).</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    /// <returns>The pid of the runner's clock.</returns>
    /// <exception cref="ArgumentException"><paramref name="runner"/> is null or empty.</exception>
    /// <exception cref="NotEnteredException">The runner has no clock and is not entered; nothing was started.</exception>
    /// <exception cref="DeskFullException">The runner has no clock and the desk runs its capacity of clocks.</exception>
    /// <remarks>
    /// The lookup and the start are two steps, and another caller can come between them: both find no clock, both ask
    /// for a start. The supervisor handles the two starts one after the other, and the registry lets only one process
    /// hold the name: the first clock registers, the second fails before it runs a line of its own, and its start
    /// reports who holds the name, <c>(already_started, pid)</c>. That pid is the answer for the loser too. No lock, and
    /// no caller waits for another's entry-list question.
    /// </remarks>
    public async Task<Pid> GetOrStartAsync(string runner, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runner);
        if (WhereIs(runner) is { } running)
        {
            return running;
        }

        if (!await _entries.IsEnteredAsync(runner, cancellationToken))
        {
            throw new NotEnteredException(runner);
        }

        // The via-name makes the clock register itself as it starts, and again on every restart: the name always
        // points at the clock that runs now.
        var clock = ChildSpec.For(() => new RunnerClock(runner), ServerName.Via(_names, runner));
        try
        {
            return (await DynamicSupervisor.StartChildAsync(_node, _supervisor, clock, cancellationToken))!;
        }
        catch (StartFailedException failed) when (failed.Reason is (Atom reason, Pid winner) && reason == AlreadyStarted)
        {
            return winner; // another caller started it between our lookup and our start
        }
        catch (SupervisorException full) when (full.Reason == MaxChildren)
        {
            // The supervisor checks its cap before it tries a start, so the loser of a race for the last place hears
            // max_children, not already_started: look again before calling the desk full.
            return WhereIs(runner) ?? throw new DeskFullException(runner, _capacity, full);
        }
    }

    /// <summary>The pid of the clock that runs for <paramref name="runner"/>, or null if none does.</summary>
    /// <param name="runner">The runner's name.</param>
    public Pid? WhereIs(string runner) => _names.WhereIsName(runner);

    /// <summary>The runners whose clock runs now, in ordinal order of their names.</summary>
    public IReadOnlyList<string> Runners() =>
        _names.Select((key, pid, value) => key is string, (key, pid, value) => (string)key).Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Finishes <paramref name="runner"/>: reads their clock, then has the DynamicSupervisor stop it (with
    /// <c>shutdown</c>) and forget it, so it is not restarted and its name is free. The other clocks run on.
    /// </summary>
    /// <param name="runner">The runner's name.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    /// <returns>The time on the runner's clock when it was read, or null if the runner had no clock.</returns>
    /// <remarks>
    /// Stopping a child behind its supervisor's back (<c>GenServer.StopAsync</c>) would not do: the supervisor sees a
    /// permanent child exit and starts it again. <c>terminate_child</c> asks the supervisor, which stops it and drops it.
    /// </remarks>
    public async Task<TimeSpan?> FinishAsync(string runner, CancellationToken cancellationToken = default)
    {
        if (WhereIs(runner) is not { } clock)
        {
            return null;
        }

        var reading = await RunnerClock.ReadAsync(_node, clock, cancellationToken);
        await DynamicSupervisor.TerminateChildAsync(_node, _supervisor, clock, cancellationToken);
        return reading.Elapsed;
    }

    /// <summary>Stops the desk: its tree stops the DynamicSupervisor, which stops every clock with <c>shutdown</c>.</summary>
    /// <param name="cancellationToken">Gives up waiting (the desk still stops).</param>
    public Task StopAsync(CancellationToken cancellationToken = default) =>
        Supervisor.StopAsync(_node, Tree, cancellationToken: cancellationToken);
}
