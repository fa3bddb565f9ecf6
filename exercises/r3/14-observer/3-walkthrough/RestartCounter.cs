using System;
using System.Collections.Generic;
using System.Threading;
using Otp;

namespace Observing;

/// <summary>
/// Counts the restarts one supervisor makes, from its supervisor reports (<see cref="Node.SupervisorReported"/>,
/// OTP's progress and supervisor reports): what the Applications page shows beside each child. Counts from the moment it
/// is attached until it is disposed. Safe to read from any thread while reports arrive.
/// </summary>
public sealed class RestartCounter : IDisposable
{
    private readonly Node _node;
    private readonly Pid _supervisor;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _byChild = [];
    private int _total;

    private RestartCounter(Node node, Pid supervisor)
    {
        _node = node;
        _supervisor = supervisor;
    }

    /// <summary>Restarts counted so far, of all the supervisor's children.</summary>
    public int Total
    {
        get
        {
            lock (_lock)
            {
                return _total;
            }
        }
    }

    /// <summary>
    /// Starts counting the restarts <paramref name="supervisor"/> makes of its own children: a child started again counts
    /// one; a child that merely exited counts nothing, and neither do the restarts other supervisors make, its child
    /// supervisors' included.
    /// </summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The supervisor to watch.</param>
    /// <returns>The counter; dispose it to stop counting.</returns>
    public static RestartCounter Attach(Node node, Pid supervisor)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(supervisor);
        var counter = new RestartCounter(node, supervisor);
        node.SupervisorReported += counter.OnReport;
        return counter;
    }

    /// <summary>Restarts counted so far of the child with id <paramref name="childId"/> (ids are compared as text).</summary>
    /// <param name="childId">The child's id.</param>
    /// <returns>Its restarts; 0 for an id never restarted.</returns>
    public int Of(object childId)
    {
        ArgumentNullException.ThrowIfNull(childId);
        lock (_lock)
        {
            return _byChild.GetValueOrDefault($"{childId}");
        }
    }

    /// <summary>Stops counting; the counts stay as they are.</summary>
    public void Dispose() => _node.SupervisorReported -= OnReport;

    // Reports arrive on the thread pool, several at once when children crash together: hence the lock.
    private void OnReport(SupervisorReport report)
    {
        // GAP Step 3: every supervisor on the node reports here, and each crash reports twice (ChildTerminated, then
        // ChildRestarted), so as it stands this counts too much. Return early unless this report is a restart made
        // by the supervisor this counter watches. (No exception here: this runs on the thread pool, where an
        // exception would end the whole program.)

        var id = $"{report.ChildId}";
        lock (_lock)
        {
            _total++;
            _byChild[id] = _byChild.GetValueOrDefault(id) + 1;
        }
    }
}
