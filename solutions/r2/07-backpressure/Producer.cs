using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Otp;

namespace Backpressure;

/// <summary>Three ways to hand a <see cref="Consumer"/> a batch of items, from the one that floods it to the ones that do not.</summary>
public static class Producer
{
    /// <summary>
    /// Step 1: casts every item to <paramref name="consumer"/> and returns at once, however slow the consumer: what it
    /// has not handled yet waits in its mailbox, which grows with every cast. Returns how many items were cast.
    /// </summary>
    /// <param name="node">The node the consumer runs on.</param>
    /// <param name="consumer">The consumer.</param>
    /// <param name="items">The items, all read at once.</param>
    public static int Flood(Node node, Pid consumer, IEnumerable<int> items)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(consumer);
        ArgumentNullException.ThrowIfNull(items);

        var sent = 0;
        foreach (var value in items)
        {
            GenServer.Cast(node, consumer, new Item(value)); // never waits: nothing here slows the producer down
            sent++;
        }

        return sent;
    }

    /// <summary>
    /// Step 2: calls <paramref name="consumer"/> with each item in turn, reading the next item only once the previous
    /// one's reply has come: the producer goes at the consumer's pace, and has at most one item in its mailbox.
    /// Returns how many items were delivered. A call fails as <c>GenServer.CallAsync</c> does (5 s time-out).
    /// </summary>
    /// <param name="node">The node the consumer runs on.</param>
    /// <param name="consumer">The consumer.</param>
    /// <param name="items">The items, read one at a time.</param>
    public static async Task<int> CallAllAsync(Node node, Pid consumer, IEnumerable<int> items)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(consumer);
        ArgumentNullException.ThrowIfNull(items);

        var delivered = 0;
        foreach (var value in items)
        {
            // The await is the backpressure: the next item is not even read from the source until this one is done.
            await GenServer.CallAsync<int>(node, consumer, new Item(value));
            delivered++;
        }

        return delivered;
    }

    /// <summary>
    /// Step 4: calls <paramref name="consumer"/> with each item in turn, waiting at most <paramref name="timeout"/> for
    /// each reply. On the first time-out it stops: that item is reported as timed out (it may still be handled, so it
    /// is not sent again) and the rest are shed, not sent, so an overloaded consumer gets no more work from this batch.
    /// </summary>
    /// <param name="node">The node the consumer runs on (its clock measures the time-out).</param>
    /// <param name="consumer">The consumer.</param>
    /// <param name="items">The batch.</param>
    /// <param name="timeout">How long to wait for each reply.</param>
    public static async Task<DeliveryReport> SendAllAsync(Node node, Pid consumer, IReadOnlyList<int> items, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(consumer);
        ArgumentNullException.ThrowIfNull(items);

        var delivered = new List<int>();
        for (var i = 0; i < items.Count; i++)
        {
            try
            {
                await GenServer.CallAsync<int>(node, consumer, new Item(items[i]), timeout);
                delivered.Add(items[i]);
            }
            catch (CallTimeoutException)
            {
                // The consumer is behind. Retrying would queue the same item twice (the first call is still in its
                // mailbox or in its hands); sending the rest would pile more work onto it. Shed them and say so.
                // The late reply, if it comes, goes to a call that has ended: the runtime drops it.
                return new DeliveryReport(delivered, items[i], items.Skip(i + 1).ToArray());
            }
        }

        return new DeliveryReport(delivered, null, []);
    }
}
