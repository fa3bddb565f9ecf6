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
        => throw new NotImplementedException("Step 3: implement Watch.FirstExitAsync (see README, step 3).");
}
