using System;

namespace Behaviours;

/// <summary>
/// Thrown by a call to a server that has ended, or that ends before it replies.
/// Erlang's <c>gen_server:call</c> exits the caller with <c>noproc</c> or with the server's exit reason in the same cases.
/// </summary>
public sealed class ServerExitedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="reason">Why the server ended: the exception that crashed it, or null when it stopped normally.</param>
    public ServerExitedException(string message, Exception? reason = null)
        : base(message, reason)
    {
    }
}
