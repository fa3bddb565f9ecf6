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
public sealed class TimingDesk
{
    // The key the DynamicSupervisor is registered under in the desk's registry: a runner's name is a string, so a
    // Type can never clash with one.
    private static readonly object SupervisorKey = typeof(TimingDesk);

    // The two start errors get-or-start must recognise (an Atom equals another with the same name).
    private static readonly Atom MaxChildren = new("max_children");
    private static readonly Atom AlreadyStarted = new("already_started");

    private readonly Node _node;
    private readonly IEntryList _entries;
    private readonly int _capacity;
    private readonly Registry _names;        // unique keys: runner -> clock, and SupervisorKey -> the DynamicSupervisor
    private readonly ServerName _supervisor; // ServerName.Via(_names, SupervisorKey): the DynamicSupervisor, whatever its pid

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
        // TODO Step 1: refuse a null node or entries (ArgumentNullException.ThrowIfNull) and a capacity below one
        //              (ArgumentOutOfRangeException.ThrowIfLessThan), before anything starts.
        // TODO Step 1: make the registry (new Registry(RegistryKeys.Unique)) and the supervisor's via-name
        //              (ServerName.Via(names, SupervisorKey)).
        // TODO Step 1: the Tree is Supervisor.StartAsync(node, [spec]) with one child, the DynamicSupervisor:
        //              DynamicSupervisor.ChildSpec(new DynamicSupervisorOptions { Name = ..., ... }).
        // TODO Step 4: the cap is the supervisor's: set MaxChildren in those options.
        // Then: return new TimingDesk(node, entries, capacity, names, supervisor, tree);
        await Task.CompletedTask;
        throw new NotImplementedException("Step 1: implement TimingDesk.StartAsync (see README, step 1).");
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
    public async Task<Pid> GetOrStartAsync(string runner, CancellationToken cancellationToken = default)
    {
        // TODO Step 1: refuse a null or empty name (ArgumentException.ThrowIfNullOrEmpty).
        // TODO Step 1: a runner whose clock runs (WhereIs) gets it at once: no question to the entry list.
        // TODO Step 1: ask _entries.IsEnteredAsync; a runner not entered gets a NotEnteredException.
        // TODO Step 1: start the clock under the DynamicSupervisor, reached by its name (_supervisor):
        //              DynamicSupervisor.StartChildAsync(_node, _supervisor, spec, cancellationToken), with the spec
        //              ChildSpec.For(() => new RunnerClock(runner), ServerName.Via(_names, runner)): the via-name makes
        //              the clock register itself under the runner's name, at its start and at every restart (step 5).
        // TODO Step 2: another caller may have started the clock since your lookup. Catch the StartFailedException
        //              whose Reason is the tuple (Atom, Pid) with the atom AlreadyStarted, and return that pid:
        //              catch (StartFailedException failed) when (failed.Reason is (Atom reason, Pid winner) && ...)
        // TODO Step 4: catch the SupervisorException whose Reason is MaxChildren: look the runner up again (the loser
        //              of a race for the last place hears max_children), and only if there is still no clock throw
        //              new DeskFullException(runner, _capacity, theSupervisorException).
        await Task.CompletedTask;
        throw new NotImplementedException("Step 1: implement TimingDesk.GetOrStartAsync (see README, steps 1, 2 and 4).");
    }

    /// <summary>The pid of the clock that runs for <paramref name="runner"/>, or null if none does.</summary>
    /// <param name="runner">The runner's name.</param>
    public Pid? WhereIs(string runner)
    {
        // TODO Step 1: ask the registry (_names.WhereIsName, or Lookup): it never returns a dead owner's entry.
        throw new NotImplementedException("Step 1: implement TimingDesk.WhereIs (see README, step 1).");
    }

    /// <summary>The runners whose clock runs now, in ordinal order of their names.</summary>
    public IReadOnlyList<string> Runners()
    {
        // TODO Step 1: _names.Select(where, select) over (key, pid, value): keep the string keys (the supervisor's key
        //              is a Type), take the key, then .Order(StringComparer.Ordinal).ToArray().
        throw new NotImplementedException("Step 1: implement TimingDesk.Runners (see README, step 1).");
    }

    /// <summary>
    /// Finishes <paramref name="runner"/>: reads their clock, then has the DynamicSupervisor stop it (with
    /// <c>shutdown</c>) and forget it, so it is not restarted and its name is free. The other clocks run on.
    /// </summary>
    /// <param name="runner">The runner's name.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    /// <returns>The time on the runner's clock when it was read, or null if the runner had no clock.</returns>
    public async Task<TimeSpan?> FinishAsync(string runner, CancellationToken cancellationToken = default)
    {
        // TODO Step 3: no clock (WhereIs gives null): return null.
        // TODO Step 3: read it (RunnerClock.ReadAsync(_node, clock, cancellationToken)), then ask the supervisor to stop
        //              it: DynamicSupervisor.TerminateChildAsync(_node, _supervisor, clock, cancellationToken). Not
        //              GenServer.StopAsync: the supervisor would restart a permanent child. Return the reading's Elapsed.
        await Task.CompletedTask;
        throw new NotImplementedException("Step 3: implement TimingDesk.FinishAsync (see README, step 3).");
    }

    /// <summary>Stops the desk: its tree stops the DynamicSupervisor, which stops every clock with <c>shutdown</c>.</summary>
    /// <param name="cancellationToken">Gives up waiting (the desk still stops).</param>
    public Task StopAsync(CancellationToken cancellationToken = default)
    {
        // TODO Step 6: stop the Tree: Supervisor.StopAsync(_node, Tree, cancellationToken: cancellationToken).
        throw new NotImplementedException("Step 6: implement TimingDesk.StopAsync (see README, step 6).");
    }
}
