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
            // TODO Step 3: read _total under the lock (reports arrive on other threads).
            throw new NotImplementedException("Step 3: implement RestartCounter.Total (see README, step 3).");
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
        // TODO Step 3: make the counter and subscribe its OnReport to node.SupervisorReported.
        throw new NotImplementedException("Step 3: implement RestartCounter.Attach (see README, step 3).");
    }

    /// <summary>Restarts counted so far of the child with id <paramref name="childId"/> (ids are compared as text).</summary>
    /// <param name="childId">The child's id.</param>
    /// <returns>Its restarts; 0 for an id never restarted.</returns>
    public int Of(object childId)
    {
        // TODO Step 3: the count kept for childId.ToString(), under the lock; 0 if there is none.
        throw new NotImplementedException("Step 3: implement RestartCounter.Of (see README, step 3).");
    }

    /// <summary>Stops counting; the counts stay as they are.</summary>
    public void Dispose()
    {
        // TODO Step 3: unsubscribe OnReport from the node's SupervisorReported.
        throw new NotImplementedException("Step 3: implement RestartCounter.Dispose (see README, step 3).");
    }

    // Runs on the thread pool, once per report of any supervisor on the node.
    private void OnReport(SupervisorReport report)
    {
        // TODO Step 3: only a report of Kind ChildRestarted from _supervisor is a restart; ignore the others.
        // TODO Step 3: under the lock, count one more in _total and in _byChild for report.ChildId.ToString().
        // (Throw nothing here: this runs on the thread pool, where an exception would end the whole program.)
    }
}
