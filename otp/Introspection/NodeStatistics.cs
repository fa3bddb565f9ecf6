namespace Otp;

/// <summary>
/// Counts for a whole node at one moment: what <c>erlang:statistics/1</c> and <c>erlang:system_info/1</c> tell, and what
/// the <c>Otp</c> meter publishes. Taking them walks the process table once, so they cost in proportion to the number of
/// processes (about a millisecond for 100,000); they are read without stopping anything, so counts that change meanwhile
/// are approximate.
/// </summary>
/// <param name="Name">The node's name (<see cref="Node.Name"/>).</param>
/// <param name="ProcessCount">Live processes (<c>process_count</c>).</param>
/// <param name="ProcessesSpawned">Processes ever started on the node, inboxes included.</param>
/// <param name="MessagesSent">Messages put into a live process's mailbox since the node started (messages to dead processes are dropped and not counted).</param>
/// <param name="MessagesReceived">Messages taken out of a mailbox by their process since the node started.</param>
/// <param name="MessagesQueued">Messages waiting in the mailboxes of live processes now.</param>
/// <param name="LongestMailbox">The longest mailbox now (0 if every mailbox is empty).</param>
/// <param name="Restarts">Children restarted by the node's supervisors since the node started.</param>
public sealed record NodeStatistics(
    string Name,
    int ProcessCount,
    long ProcessesSpawned,
    long MessagesSent,
    long MessagesReceived,
    long MessagesQueued,
    int LongestMailbox,
    long Restarts);
