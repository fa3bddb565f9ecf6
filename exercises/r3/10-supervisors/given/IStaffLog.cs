using Otp;

namespace Supervisors;

/// <summary>
/// Where the newsroom's workers write what happens to them: each start, and each Terminate callback. The tests give
/// one (called from many processes at once, so it must be thread-safe) and read it to see which worker started, in
/// which order they stopped, and whose Terminate never ran.
/// </summary>
public interface IStaffLog
{
    /// <summary>A worker's Init has run: <paramref name="worker"/> now runs as <paramref name="pid"/>.</summary>
    /// <param name="worker">The worker's name ("sports", "archive", "printer", ...).</param>
    /// <param name="pid">The process it runs as.</param>
    void Started(string worker, Pid pid);

    /// <summary>A worker's Terminate callback has begun, with the reason it stops.</summary>
    /// <param name="worker">The worker's name.</param>
    /// <param name="pid">The process that is stopping.</param>
    /// <param name="reason">Its reason: <c>shutdown</c> from its supervisor, or the reason it was stopped or crashed with.</param>
    void Terminating(string worker, Pid pid, object reason);
}
