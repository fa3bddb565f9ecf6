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

        // TODO Step 1: for each value, GenServer.Cast(node, consumer, new Item(value)) and count it; return the count.
        // Nothing here waits: that is the point of this step.
        throw new NotImplementedException("Step 1: implement Producer.Flood (see README, step 1).");
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

        // TODO Step 2: the loop of Flood, with `await GenServer.CallAsync<int>(node, consumer, new Item(value))` in place
        // of the cast. A foreach reads the next item only after the await: do not read the source ahead.
        await Task.CompletedTask;
        throw new NotImplementedException("Step 2: implement Producer.CallAllAsync (see README, step 2).");
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

        // TODO Step 4: for i from 0, call with items[i] and the timeout (the 4th argument of GenServer.CallAsync).
        //   - a reply: add items[i] to delivered;
        //   - catch (CallTimeoutException): return at once a DeliveryReport(delivered, items[i], the items after i).
        //     Never send items[i] again: the consumer still has it.
        // All replied: return new DeliveryReport(delivered, null, []).
        await Task.CompletedTask;
        throw new NotImplementedException("Step 4: implement Producer.SendAllAsync (see README, step 4).");
    }
}
