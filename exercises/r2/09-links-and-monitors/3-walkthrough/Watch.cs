using System;
using System.Collections.Generic;
using System.Linq;
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
    public static async Task<Exited?> FirstExitAsync(ProcessContext watcher, IReadOnlyCollection<Pid> targets, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(watcher);
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count == 0)
        {
            throw new ArgumentException("Watch.FirstExitAsync needs at least one target.", nameof(targets));
        }

        // One monitor per target. Monitoring a dead pid is not an error: its DOWN (noproc) is in the mailbox at once.
        var monitors = targets.Select(watcher.Monitor).ToHashSet();

        // Selective receive: only the DOWNs of our own monitors; anything else waits in the mailbox for its owner.
        var down = await watcher.ReceiveAsync<DownMessage>(d => monitors.Contains(d.Ref), timeout);

        // GAP Step 3: every monitor in `monitors` must go before returning, and with it any DOWN of it already in the
        // mailbox (the other targets may have died too). One ProcessContext method with one named argument does both.
        throw new NotImplementedException("Step 3: remove the monitors and their DOWNs, then return what came (see README, step 3).");
    }
}
