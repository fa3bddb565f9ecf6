using System;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Otp;

namespace Backpressure;

/// <summary>
/// A slow consumer: a GenServer that handles one <see cref="Item"/> at a time by awaiting <c>work</c>, and keeps
/// the values it has handled, in order, as its state (read it with <c>Sys.GetStateAsync&lt;ImmutableList&lt;int&gt;&gt;</c>).
/// Items come by cast (step 1), by call (steps 2 and 4), or as <see cref="Delivery"/> messages from a
/// <see cref="DemandProducer"/> it was told to <see cref="Subscribe"/> to (step 3).
/// </summary>
public sealed class Consumer : GenServer<ImmutableList<int>>
{
    private readonly Func<int, Task> _work;
    private readonly int _maxDemand;

    /// <summary>Creates the consumer (start it with <c>GenServer.StartAsync</c>).</summary>
    /// <param name="work">What handling one item takes; the consumer awaits it before it takes the next message.</param>
    /// <param name="maxDemand">Step 3: the credits granted to a producer on <see cref="Subscribe"/>; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDemand"/> is less than 1.</exception>
    public Consumer(Func<int, Task> work, int maxDemand = 10)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDemand, 1);
        _work = work;
        _maxDemand = maxDemand;
    }

    /// <summary>Nothing handled yet.</summary>
    protected override InitResult<ImmutableList<int>> Init() => Ok([]);

    /// <summary>
    /// Step 1: an <see cref="Item"/> cast: do the work, record the value. The sender did not wait: while this runs,
    /// every cast sent meanwhile waits in the mailbox. Step 3: a <see cref="Subscribe"/> cast sends the producer a
    /// <see cref="Demand"/> of <c>maxDemand</c> credits.
    /// </summary>
    /// <param name="request">An <see cref="Item"/> or a <see cref="Subscribe"/>.</param>
    /// <param name="handled">The values handled so far.</param>
    protected override async ValueTask<HandleResult<ImmutableList<int>>> HandleCastAsync(object request, ImmutableList<int> handled)
    {
        switch (request)
        {
            case Item item:
                await _work(item.Value);
                return NoReply(handled.Add(item.Value));

            case Subscribe subscribe:
                // The first demand: the producer may now send up to maxDemand items, and no more.
                Context.Send(subscribe.Producer, new Demand(Self, _maxDemand));
                return NoReply(handled);

            default:
                return await base.HandleCastAsync(request, handled);
        }
    }

    /// <summary>
    /// Step 3: a <see cref="Delivery"/> (a plain message, as the whole demand protocol): do the work, record the value,
    /// and only then send its producer a <see cref="Demand"/> of 1: one item handled, one credit back.
    /// </summary>
    /// <param name="message">A <see cref="Delivery"/>.</param>
    /// <param name="handled">The values handled so far.</param>
    protected override async ValueTask<HandleResult<ImmutableList<int>>> HandleInfoAsync(object message, ImmutableList<int> handled)
    {
        if (message is Delivery delivery)
        {
            await _work(delivery.Value);

            // At most maxDemand of this producer's items are ever on their way or waiting here, because the credit goes
            // back only now, after the work, and never on arrival.
            Context.Send(delivery.Producer, new Demand(Self, 1));
            return NoReply(handled.Add(delivery.Value));
        }

        return await base.HandleInfoAsync(message, handled);
    }

    /// <summary>
    /// Step 2: an <see cref="Item"/> call: do the work, record the value and reply with it. The caller waits for
    /// this reply, so it sends nothing else meanwhile.
    /// </summary>
    /// <param name="request">An <see cref="Item"/>.</param>
    /// <param name="from">The waiting caller.</param>
    /// <param name="handled">The values handled so far.</param>
    protected override async ValueTask<HandleResult<ImmutableList<int>>> HandleCallAsync(object request, From from, ImmutableList<int> handled)
    {
        if (request is Item item)
        {
            await _work(item.Value);
            return Reply(item.Value, handled.Add(item.Value));
        }

        return await base.HandleCallAsync(request, from, handled);
    }
}
