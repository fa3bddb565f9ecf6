using System;
using Otp;

namespace Backpressure;

/// <summary>Step 1: looking into a process from outside, as Erlang's <c>process_info/2</c> and the Observer do.</summary>
public static class Mailbox
{
    /// <summary>
    /// Step 1: how many messages wait in <paramref name="pid"/>'s mailbox right now, as the runtime counts them
    /// (<c>process_info(Pid, message_queue_len)</c>). A message the process has taken out and is handling no longer
    /// counts. Throws <see cref="NoProcessException"/> when the process is not alive.
    /// </summary>
    /// <param name="node">The node the process runs on.</param>
    /// <param name="pid">The process to look at.</param>
    public static int Length(Node node, Pid pid)
    {
        ArgumentNullException.ThrowIfNull(node);

        // Never guess a queue's length from what was sent: ask the runtime. GetInfo is a snapshot of the process
        // (Observer's process table shows the same), and it is null once the process has exited.
        // GAP Step 1: one expression. GetInfo returns a ProcessInfo, whose MessageQueueLength is the count wanted;
        // when it returns null, the process is gone: throw new NoProcessException(pid).
        throw new NotImplementedException("Step 1: implement Mailbox.Length (see README, step 1).");
    }
}
