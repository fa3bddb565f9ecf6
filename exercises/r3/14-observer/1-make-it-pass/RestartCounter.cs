using System;
using Otp;

namespace Observing;

/// <summary>
/// Counts the restarts one supervisor makes, from its supervisor reports (<see cref="Node.SupervisorReported"/>,
/// OTP's progress and supervisor reports): what the Applications page shows beside each child. Counts from the moment it
/// is attached until it is disposed. Safe to read from any thread while reports arrive.
/// </summary>
public sealed class RestartCounter : IDisposable
{
    private RestartCounter()
    {
    }

    /// <summary>Restarts counted so far, of all the supervisor's children.</summary>
    public int Total => throw new NotImplementedException("Step 3: implement RestartCounter.Total (see README, step 3).");

    /// <summary>
    /// Starts counting the restarts <paramref name="supervisor"/> makes of its own children: a child started again counts
    /// one; a child that merely exited counts nothing, and neither do the restarts other supervisors make, its child
    /// supervisors' included.
    /// </summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The supervisor to watch.</param>
    /// <returns>The counter; dispose it to stop counting.</returns>
    public static RestartCounter Attach(Node node, Pid supervisor) =>
        throw new NotImplementedException("Step 3: implement RestartCounter.Attach (see README, step 3).");

    /// <summary>Restarts counted so far of the child with id <paramref name="childId"/> (ids are compared as text).</summary>
    /// <param name="childId">The child's id.</param>
    /// <returns>Its restarts; 0 for an id never restarted.</returns>
    public int Of(object childId) =>
        throw new NotImplementedException("Step 3: implement RestartCounter.Of (see README, step 3).");

    /// <summary>Stops counting; the counts stay as they are.</summary>
    public void Dispose() =>
        throw new NotImplementedException("Step 3: implement RestartCounter.Dispose (see README, step 3).");
}
