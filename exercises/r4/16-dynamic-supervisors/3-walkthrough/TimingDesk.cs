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

        // Elixir: children = [{DynamicSupervisor, name: ...}]; Supervisor.start_link(children, strategy: :one_for_one).
        // Gap, step 4: the desk runs at most `capacity` clocks, and the cap belongs to the supervisor, which counts its
        // own children (two starts at once cannot both slip under it). Which DynamicSupervisorOptions property is it?
        var clocks = DynamicSupervisor.ChildSpec(new DynamicSupervisorOptions { Name = supervisor });
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
        catch (StartFailedException failed)
        {
            return LostTheRace(failed);
        }
        catch (SupervisorException full) when (full.Reason == MaxChildren)
        {
            return WhenFull(runner, full);
        }
    }

    // Gap, step 2: another caller started the runner's clock between our lookup and our start. The registry let only
    // the first clock take the name; ours failed before it ran, and its StartFailedException's Reason is the tuple
    // (already_started, the winner's pid): an (Atom, Pid) you can match with `failed.Reason is (Atom reason, Pid winner)`.
    // Return the winner when the atom is AlreadyStarted; any other start failure is not ours to hide: rethrow it
    // (`throw failed;`, or better, move the test into a `when` filter on the catch above).
    private static Pid LostTheRace(StartFailedException failed) =>
        throw new NotImplementedException("Step 2: implement TimingDesk.LostTheRace (see README, step 2).");

    // Gap, step 4: the supervisor refused a start with max_children. It checks its cap before it tries the start, so
    // this is also what the loser of a race for the runner's last place hears: look the runner up again, and return
    // the clock if one runs now. Otherwise the desk is full: throw a DeskFullException naming the runner and the
    // capacity, with `full` as its inner exception.
    private Pid WhenFull(string runner, SupervisorException full) =>
        throw new NotImplementedException("Step 4: implement TimingDesk.WhenFull (see README, step 4).");

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
    public async Task<TimeSpan?> FinishAsync(string runner, CancellationToken cancellationToken = default)
    {
        if (WhereIs(runner) is not { } clock)
        {
            return null;
        }

        var reading = await RunnerClock.ReadAsync(_node, clock, cancellationToken);
        await StopClockAsync(clock, cancellationToken);
        return reading.Elapsed;
    }

    // Gap, step 3: stop the clock for good. GenServer.StopAsync would stop it behind its supervisor's back: a permanent
    // child that exited, which the supervisor starts again at once. Ask the supervisor instead, by its name (_supervisor),
    // to stop the child with this pid and forget it (OTP's terminate_child).
    private Task StopClockAsync(Pid clock, CancellationToken cancellationToken) =>
        throw new NotImplementedException("Step 3: implement TimingDesk.StopClockAsync (see README, step 3).");

    /// <summary>Stops the desk: its tree stops the DynamicSupervisor, which stops every clock with <c>shutdown</c>.</summary>
    /// <param name="cancellationToken">Gives up waiting (the desk still stops).</param>
    public Task StopAsync(CancellationToken cancellationToken = default) =>
        Supervisor.StopAsync(_node, Tree, cancellationToken: cancellationToken);
}
