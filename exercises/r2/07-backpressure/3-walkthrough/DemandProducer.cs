using System;
using System.Collections.Generic;
using Otp;

namespace Backpressure;

/// <summary>
/// Step 3: a producer that sends only what it is asked for. It takes items from its source lazily, only against a
/// <see cref="Demand"/>, and sends each as a <see cref="Delivery"/> message: a consumer that granted N credits never has more
/// than N of its items waiting, however large (or endless) the source.
/// </summary>
public sealed class DemandProducer : GenServer<IEnumerator<int>>
{
    private readonly IEnumerable<int> _source;

    /// <summary>Creates the producer (start it with <c>GenServer.StartAsync</c>).</summary>
    /// <param name="source">The items, read one at a time and only when a consumer has asked for them.</param>
    public DemandProducer(IEnumerable<int> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
    }

    /// <summary>Opens the source; nothing is read from it until a demand comes.</summary>
    protected override InitResult<IEnumerator<int>> Init() => Ok(_source.GetEnumerator());

    /// <summary>
    /// Step 3: a <see cref="Demand"/> of N (a plain message, as the whole demand protocol): read at most N items from
    /// the source and send each to the consumer as a <see cref="Delivery"/>. When the source runs out, fewer are sent;
    /// later demands send nothing.
    /// </summary>
    /// <param name="message">A <see cref="Demand"/>.</param>
    /// <param name="items">The source, read up to here.</param>
    protected override HandleResult<IEnumerator<int>> HandleInfo(object message, IEnumerator<int> items)
    {
        if (message is not Demand demand)
        {
            return base.HandleInfo(message, items);
        }

        // Read one item per credit, never ahead: an item not asked for stays in the source, not in a mailbox.
        for (var sent = 0; sent < demand.Count && items.MoveNext(); sent++)
        {
            Context.Send(demand.Consumer, new Delivery(Self, items.Current));
        }

        return NoReply(items);
    }

    /// <summary>Closes the source.</summary>
    /// <param name="reason">Why the producer stops.</param>
    /// <param name="items">The source.</param>
    protected override void Terminate(object reason, IEnumerator<int> items) => items.Dispose();
}
