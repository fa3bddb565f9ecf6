using System;
using System.Linq;
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
    public static async Task<Pid> CrashChildAsync(Node node, ServerRef supervisor, object childId, object reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(childId);
        ArgumentNullException.ThrowIfNull(reason);
        if (reason.Equals(ExitReason.Normal))
        {
            throw new ArgumentException("an exit signal 'normal' is ignored by a process that does not trap exits: nothing would crash", nameof(reason));
        }

        var parent = GenServer.WhereIs(node, supervisor) ?? throw new NoProcessException(supervisor);
        var id = childId.ToString();
        var children = await Supervisor.WhichChildrenAsync(node, parent, cancellationToken);
        var victim = children.FirstOrDefault(child => child.Id.ToString() == id)?.Pid
            ?? throw new ArgumentException($"{supervisor} has no running child '{id}'", nameof(childId));

        // Listen before the signal goes out, so the report of this restart cannot pass unheard.
        var replaced = new TaskCompletionSource<Pid>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnReport(SupervisorReport report)
        {
            if (report is { Kind: SupervisorReportKind.ChildRestarted, ChildPid: { } pid } && report.Supervisor == parent
                && report.ChildId.ToString() == id && pid != victim)
            {
                replaced.TrySetResult(pid);
            }
        }

        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        node.SupervisorReported += OnReport;
        try
        {
            node.Exit(victim, reason);

            // GAP Step 4: wait for whichever comes first: the report (`replaced.Task`: return its pid) or the supervisor's
            // exit (node.WaitForExitAsync(parent, stopWaiting.Token): it gave up, throw InvalidOperationException).
            // Waiting for the report alone would hang when the supervisor gives up. Task.WhenAny takes both.
            await Task.CompletedTask;
            throw new NotImplementedException("Step 4: wait for the restart or the supervisor's exit (see README, step 4).");
        }
        finally
        {
            node.SupervisorReported -= OnReport;
            await stopWaiting.CancelAsync();
        }
    }
}
