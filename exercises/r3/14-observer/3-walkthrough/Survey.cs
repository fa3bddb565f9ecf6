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

    // Both questions are the same one about a different column: which process has the largest count?
    private static ProcessInfo? MostOf(Node node, System.Func<ProcessInfo, long> count)
    {
        ProcessInfo? most = null;
        foreach (var info in Observer.ProcessTable(node))
        {
            // GAP Step 1: the table lists the oldest process first. When does `info` replace `most`? Mind two rules:
            // of equal counts the oldest wins, and a count of 0 never wins (so an all-zero table gives null).
            throw new System.NotImplementedException("Step 1: keep the process with the largest count (see README, step 1).");
        }

        return most;
    }
}
