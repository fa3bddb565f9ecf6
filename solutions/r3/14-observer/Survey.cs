using System.Collections.Generic;
using System.Linq;
using Otp;

namespace Observing;

/// <summary>
/// Questions the Processes page answers with a click on a column heading, asked of the process table in code
/// (Erlang: <c>erlang:processes()</c> and <c>process_info/2</c>; observer's Processes tab).
/// </summary>
public static class Survey
{
    /// <summary>
    /// The live process with the most messages waiting in its mailbox (<see cref="ProcessInfo.MessageQueueLength"/>):
    /// the one falling behind. Of processes with equally long mailboxes, the oldest (lowest pid).
    /// </summary>
    /// <param name="node">The node to look at.</param>
    /// <returns>That process's info, or null when no mailbox holds a message.</returns>
    public static ProcessInfo? LongestMailbox(Node node) =>
        MostOf(node, info => info.MessageQueueLength);

    /// <summary>
    /// The live process that has taken the most messages out of its mailbox (<see cref="ProcessInfo.MessagesHandled"/>):
    /// the busiest. Of processes that handled equally many, the oldest (lowest pid).
    /// </summary>
    /// <param name="node">The node to look at.</param>
    /// <returns>That process's info, or null when no process has handled a message.</returns>
    public static ProcessInfo? Busiest(Node node) =>
        MostOf(node, info => info.MessagesHandled);

    /// <remarks>
    /// One snapshot of the whole table (<see cref="Observer.ProcessTable(Node)"/>, oldest first), then the largest
    /// count in it. A strict "greater than" keeps the first, so the oldest, of equals; a count of zero never wins.
    /// </remarks>
    private static ProcessInfo? MostOf(Node node, System.Func<ProcessInfo, long> count)
    {
        ProcessInfo? most = null;
        foreach (var info in Observer.ProcessTable(node))
        {
            if (count(info) > (most is null ? 0 : count(most)))
            {
                most = info;
            }
        }

        return most;
    }
}
