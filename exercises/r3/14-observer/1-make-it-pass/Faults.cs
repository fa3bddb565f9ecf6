using System;
using System.Threading;
using System.Threading.Tasks;
using Otp;

namespace Observing;

/// <summary>
/// The dashboard's Kill button, in code: an exit signal to a supervised child, then the wait until its supervisor has
/// put a new one in its place (Erlang: <c>exit(Pid, Reason)</c> on a pid found with <c>which_children</c>).
/// </summary>
public static class Faults
{
    /// <summary>
    /// Sends an exit signal with <paramref name="reason"/> (<c>kill</c>, <c>shutdown</c>, an exception, any reason but
    /// <c>normal</c>) to the running child of <paramref name="supervisor"/> whose id is <paramref name="childId"/> (ids
    /// are compared as text), and waits until the supervisor has restarted it.
    /// </summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The child's supervisor.</param>
    /// <param name="childId">The child's id.</param>
    /// <param name="reason">The exit reason to send.</param>
    /// <param name="cancellationToken">Gives up the wait (the signal may already be sent).</param>
    /// <returns>The pid of the child that replaced it: a new process, the one <c>which_children</c> now lists.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is <c>normal</c> (a child ignores it), or the supervisor has no running child with that id.</exception>
    /// <exception cref="NoProcessException"><paramref name="supervisor"/> is not alive.</exception>
    /// <exception cref="InvalidOperationException">The supervisor exited (it gave up) instead of restarting the child.</exception>
    public static Task<Pid> CrashChildAsync(Node node, ServerRef supervisor, object childId, object reason, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Step 4: implement Faults.CrashChildAsync (see README, step 4).");
}
