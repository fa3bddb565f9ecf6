using System;

namespace Processes;

/// <summary>
/// Thrown by a call to a process that has ended, or that ends before it replies.
/// Erlang's <c>gen_server:call</c> exits the caller with <c>noproc</c> or the server's exit reason in the same cases.
/// </summary>
public sealed class ProcessExitedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="reason">Why the process ended: the exception that crashed it, or null when it stopped normally.</param>
    public ProcessExitedException(string message, Exception? reason = null)
        : base(message, reason)
    {
    }
}
