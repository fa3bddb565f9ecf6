using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Otp;

namespace LinksAndMonitors;

/// <summary>
/// Step 3: monitors. A monitor is one-way: the watcher hears of the target's exit as a DOWN message, whatever the
/// reason, and neither process's exit ends the other.
/// </summary>
public static class Watch
{
    /// <summary>
    /// Monitors every target and waits, at most <paramref name="timeout"/> (on the node's clock), for the first of them
    /// to exit; returns which and why, or null if none exited in time. A target already dead counts at once, with
    /// reason <c>noproc</c>. Before returning it removes all its monitors and any of their DOWN messages already in the
    /// watcher's mailbox, so none arrives later; other messages, other monitors' DOWNs among them, stay.
    /// </summary>
    /// <param name="watcher">The process that waits (the caller's own process).</param>
    /// <param name="targets">The processes to watch; at least one.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <exception cref="ArgumentException"><paramref name="targets"/> is empty.</exception>
    public static Task<Exited?> FirstExitAsync(ProcessContext watcher, IReadOnlyCollection<Pid> targets, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(watcher);
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count == 0)
        {
            throw new ArgumentException("Watch.FirstExitAsync needs at least one target.", nameof(targets));
        }

        // TODO Step 3.1: monitor every target (watcher.Monitor) and keep the MonitorRefs in a set, before any await.
        // TODO Step 3.2: receive the first DownMessage whose Ref is one of yours, within `timeout`.
        // TODO Step 3.3: demonitor every ref with flush: true.
        // TODO Step 3.4: return new Exited(down.Pid, down.Reason), or null if the receive gave null.
        throw new NotImplementedException("Step 3: implement Watch.FirstExitAsync (see README, step 3).");
    }
}
