using System;
using System.Threading.Tasks;
using Otp;

namespace TasksAndAgents;

/// <summary>
/// Step 4: how many more requests the supplier allows, shared by every process that fetches. The number lives in an
/// agent (Elixir's <c>Agent</c>): a process whose whole job is to hold a value, read and changed by functions sent to
/// it. The agent runs one function at a time, so each function sees the value the one before it left; that is what
/// makes <see cref="TryTakeAsync"/> safe when many processes take at once.
/// </summary>
public sealed class Quota
{
    private readonly Node _node;

    private Quota(Node node, Pid pid)
    {
        _node = node;
        Pid = pid;
    }

    /// <summary>The agent's process. Its value is an <see cref="int"/>: the units left.</summary>
    public Pid Pid { get; }

    /// <summary>Starts an agent holding <paramref name="units"/> (Elixir's <c>Agent.start</c>).</summary>
    /// <param name="node">The node to start it on.</param>
    /// <param name="units">The units to start with; zero or more.</param>
    /// <returns>The running quota.</returns>
    public static Task<Quota> StartAsync(Node node, int units)
    {
        // TODO Step 4.1: refuse a negative number of units (ArgumentOutOfRangeException.ThrowIfNegative) before anything starts.
        // TODO Step 4.2: start the agent with Agent.StartAsync(node, () => units) and wrap its pid: new Quota(node, pid).
        throw new NotImplementedException("Step 4: implement Quota.StartAsync (see README, step 4).");
    }

    /// <summary>The units left (<c>Agent.get</c>). Only a snapshot: another process may take one the moment after.</summary>
    /// <returns>The units left.</returns>
    public Task<int> RemainingAsync() =>
        // TODO Step 4.3: Agent.GetAsync with a function that names the value's type: (int left) => left.
        throw new NotImplementedException("Step 4: implement Quota.RemainingAsync (see README, step 4).");

    /// <summary>Adds <paramref name="units"/> (<c>Agent.update</c>): the agent computes the new value from the one it holds.</summary>
    /// <param name="units">The units to add; zero or more.</param>
    /// <returns>A task that completes once the units are added.</returns>
    public Task RefillAsync(int units)
    {
        // TODO Step 4.4: refuse a negative refill, then Agent.UpdateAsync with a function from the units left to the new value.
        throw new NotImplementedException("Step 4: implement Quota.RefillAsync (see README, step 4).");
    }

    /// <summary>
    /// Takes one unit if any is left (<c>Agent.get_and_update</c>): the check and the change are one function, run in the
    /// agent in one step, so no other request can come between them.
    /// </summary>
    /// <returns>True if a unit was taken; false when none was left (the quota stays at zero).</returns>
    public Task<bool> TryTakeAsync() =>
        // TODO Step 4.5: ONE request: Agent.GetAndUpdateAsync with a function that returns (reply, new value):
        //                (true, left - 1) when a unit is left, (false, left) when none is. Never a get followed by an update.
        throw new NotImplementedException("Step 4: implement Quota.TryTakeAsync (see README, step 4).");

    /// <summary>Stops the agent (<c>Agent.stop</c>) and returns once it has exited.</summary>
    /// <returns>A task that completes when the agent is gone.</returns>
    public Task StopAsync() =>
        // TODO Step 4.6: Agent.StopAsync.
        throw new NotImplementedException("Step 4: implement Quota.StopAsync (see README, step 4).");
}
