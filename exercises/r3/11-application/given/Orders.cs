using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Otp;

namespace Applications;

/// <summary>
/// The shop's order desk, a server registered as <see cref="Registered"/>. It depends on the catalog: when it starts,
/// it asks the catalog (by name) for the price list and keeps that copy, so it cannot start without a running catalog,
/// and a catalog started again later (perhaps with new prices) leaves it with a stale copy. It answers
/// <see cref="Place"/> with <see cref="Placed"/> or <see cref="Refused"/> and crashes on <see cref="Crash"/> (any cast). It traps
/// exits, and reports <see cref="ChildStarted"/> and <see cref="ChildStopped"/> to the reporter.
/// </summary>
/// <param name="maxQuantity">The largest quantity one order may ask for.</param>
/// <param name="reporter">Where lifecycle reports go; null for none.</param>
public sealed class Orders(int maxQuantity, Pid? reporter) : GenServer<IReadOnlyDictionary<string, decimal>>
{
    /// <summary>The name the orders server is registered under.</summary>
    public const string Registered = "orders";

    /// <summary>The largest quantity one order may ask for.</summary>
    public int MaxQuantity { get; } = maxQuantity;

    /// <summary>Places an order with the running orders server: a <see cref="Placed"/> or a <see cref="Refused"/>.</summary>
    /// <param name="node">The node the shop runs on.</param>
    /// <param name="item">What to order.</param>
    /// <param name="quantity">How many.</param>
    /// <exception cref="NoProcessException">No orders server is running.</exception>
    public static Task<object> PlaceAsync(Node node, string item, int quantity) =>
        GenServer.CallAsync<object>(node, Registered, new Place(item, quantity));

    /// <inheritdoc/>
    protected override async ValueTask<InitResult<IReadOnlyDictionary<string, decimal>>> InitAsync()
    {
        Context.TrapExit = true;
        // The dependency: with no catalog running this call throws NoProcessException, and the start fails.
        var prices = await GenServer.CallAsync<IReadOnlyDictionary<string, decimal>>(Context, Catalog.Registered, new PriceList());
        Report(new ChildStarted(Registered, Self));
        return Ok(prices);
    }

    /// <inheritdoc/>
    protected override HandleResult<IReadOnlyDictionary<string, decimal>> HandleCall(object request, From from, IReadOnlyDictionary<string, decimal> prices) => request switch
    {
        Place { Quantity: var n } place when n < 1 || n > MaxQuantity =>
            Reply(new Refused(place.Item, n, $"a quantity is 1 to {MaxQuantity}"), prices),
        Place place when prices.TryGetValue(place.Item, out var price) =>
            Reply(new Placed(place.Item, place.Quantity, price * place.Quantity), prices),
        Place place => Reply(new Refused(place.Item, place.Quantity, "the catalog does not list it"), prices),
        _ => base.HandleCall(request, from, prices),
    };

    /// <inheritdoc/>
    protected override HandleResult<IReadOnlyDictionary<string, decimal>> HandleCast(object request, IReadOnlyDictionary<string, decimal> prices) =>
        throw new InvalidOperationException($"The orders server was asked to crash ({request})."); // its one cast is Crash

    /// <inheritdoc/>
    protected override void Terminate(object reason, IReadOnlyDictionary<string, decimal> prices) => Report(new ChildStopped(Registered, reason));

    private void Report(object message)
    {
        if (reporter is not null)
        {
            Context.Send(reporter, message);
        }
    }
}
