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
        // TODO Step 3: refuse a null source.
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

        // TODO Step 3: send at most demand.Count items: loop while fewer were sent and items.MoveNext() is true, each time
        // Context.Send(demand.Consumer, new Delivery(Self, items.Current)). Read one item per credit, never ahead.
        // Then NoReply(items): the enumerator remembers where the source is.
        throw new NotImplementedException("Step 3: implement DemandProducer.HandleInfo (see README, step 3).");
    }

    /// <summary>Closes the source.</summary>
    /// <param name="reason">Why the producer stops.</param>
    /// <param name="items">The source.</param>
    protected override void Terminate(object reason, IEnumerator<int> items) => items.Dispose();
}
