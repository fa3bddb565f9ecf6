using System;
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
    private static ProcessInfo? MostOf(Node node, Func<ProcessInfo, long> count)
    {
        // TODO Step 1: take one snapshot of the table with Observer.ProcessTable(node) (oldest process first).
        // TODO Step 1: keep the process with the largest count; on a tie keep the one you found first (the oldest).
        // TODO Step 1: a count of 0 never wins: return null when every count is 0.
        throw new NotImplementedException("Step 1: implement Survey.LongestMailbox and Survey.Busiest (see README, step 1).");
    }
}
