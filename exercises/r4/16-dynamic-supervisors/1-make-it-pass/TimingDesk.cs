using System;
using System.Collections.Generic;
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
    /// <summary>
    /// The desk's supervision tree: a Supervisor whose one child is the DynamicSupervisor of the clocks, which it restarts
    /// if it dies.
    /// </summary>
    public Pid Tree => throw new NotImplementedException("Step 1: implement TimingDesk.Tree (see README, step 1).");

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
    public static Task<TimingDesk> StartAsync(Node node, IEntryList entries, int capacity) =>
        throw new NotImplementedException("Step 1: implement TimingDesk.StartAsync (see README, step 1).");

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
    public Task<Pid> GetOrStartAsync(string runner, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Step 1: implement TimingDesk.GetOrStartAsync (see README, steps 1, 2 and 4).");

    /// <summary>The pid of the clock that runs for <paramref name="runner"/>, or null if none does.</summary>
    /// <param name="runner">The runner's name.</param>
    public Pid? WhereIs(string runner) =>
        throw new NotImplementedException("Step 1: implement TimingDesk.WhereIs (see README, step 1).");

    /// <summary>The runners whose clock runs now, in ordinal order of their names.</summary>
    public IReadOnlyList<string> Runners() =>
        throw new NotImplementedException("Step 1: implement TimingDesk.Runners (see README, step 1).");

    /// <summary>
    /// Finishes <paramref name="runner"/>: reads their clock, then has the DynamicSupervisor stop it (with
    /// <c>shutdown</c>) and forget it, so it is not restarted and its name is free. The other clocks run on.
    /// </summary>
    /// <param name="runner">The runner's name.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    /// <returns>The time on the runner's clock when it was read, or null if the runner had no clock.</returns>
    public Task<TimeSpan?> FinishAsync(string runner, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Step 3: implement TimingDesk.FinishAsync (see README, step 3).");

    /// <summary>Stops the desk: its tree stops the DynamicSupervisor, which stops every clock with <c>shutdown</c>.</summary>
    /// <param name="cancellationToken">Gives up waiting (the desk still stops).</param>
    public Task StopAsync(CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Step 6: implement TimingDesk.StopAsync (see README, step 6).");
}
