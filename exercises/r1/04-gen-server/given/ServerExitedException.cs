using System;

namespace GenServers;

/// <summary>
/// Thrown by a call to a server that has ended, or that ends before it replies.
/// Erlang's <c>gen_server:call</c> exits the caller with <c>noproc</c> (no such process) or with the server's exit
/// reason in the same cases.
/// </summary>
public sealed class ServerExitedException : Exception
{
    /// <summary>Creates the exception, with a message that says how the server ended.</summary>
    /// <param name="reason">Why the server ended: the exception that crashed it, or null when it was stopped.</param>
    public ServerExitedException(Exception? reason = null)
        : base(reason is null ? "The server has stopped, or is stopping: nobody will answer the call." : $"The server crashed: {reason.Message}", reason)
    {
    }
}
