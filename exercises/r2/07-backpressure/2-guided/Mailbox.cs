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

        // TODO Step 1: ask the runtime, never guess: node.GetInfo(pid) is a ProcessInfo snapshot, or null once the
        // process has exited (throw NoProcessException(pid) then). Return its MessageQueueLength.
        throw new NotImplementedException("Step 1: implement Mailbox.Length (see README, step 1).");
    }
}
