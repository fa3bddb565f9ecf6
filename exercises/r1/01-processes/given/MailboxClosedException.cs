using System;

namespace Processes;

/// <summary>Thrown by a receive on a mailbox that is closed and empty: no message will ever come.</summary>
public sealed class MailboxClosedException : InvalidOperationException
{
    /// <summary>Creates the exception with a message that says what happened.</summary>
    public MailboxClosedException()
        : base("The mailbox is closed and empty: no message will ever arrive.")
    {
    }
}
