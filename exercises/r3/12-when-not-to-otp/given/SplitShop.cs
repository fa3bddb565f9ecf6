using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Otp;

namespace WhenNotToOtp;

/// <summary>
/// The design this exercise takes apart: the stock in one process, the reservations in another, and the invariant
/// ("never reserve more than is on hand") in the client code between them. Every server is correct on its own, and
/// one customer at a time is served correctly; two customers at once can both get the last unit.
/// </summary>
public sealed class SplitShop : IShop
{
    private readonly Node _node;

    private SplitShop(Node node, Pid stock, Pid reservations)
    {
        _node = node;
        Stock = stock;
        Reservations = reservations;
    }

    /// <summary>The process that knows what is on hand.</summary>
    public Pid Stock { get; }

    /// <summary>The process that knows what is reserved.</summary>
    public Pid Reservations { get; }

    /// <summary>Starts the two processes on <paramref name="node"/>, with <paramref name="stock"/> on hand and nothing reserved.</summary>
    /// <param name="node">The node to start on.</param>
    /// <param name="stock">Units on hand, by item.</param>
    public static async Task<SplitShop> StartAsync(Node node, IReadOnlyDictionary<string, int> stock)
    {
        // A null stock is refused by ToImmutableDictionary, a null node by GenServer.StartAsync.
        var stockPid = await GenServer.StartAsync(node, new StockServer(stock.ToImmutableDictionary()));
        var reservationsPid = await GenServer.StartAsync(node, new ReservationServer());
        return new SplitShop(node, stockPid, reservationsPid);
    }

    /// <summary>
    /// Check, then act: ask the stock process what is on hand, ask the reservation process what is reserved, and if
    /// enough is free, tell the reservation process to add the reservation. Three messages to two processes; between
    /// the first two and the third, any number of other customers' messages may be handled.
    /// </summary>
    /// <param name="item">The item: not empty.</param>
    /// <param name="quantity">How many units: more than zero.</param>
    /// <param name="betweenCheckAndAct">Awaited after the check has passed and before the act.</param>
    public async Task<bool> ReserveAsync(string item, int quantity, Func<Task>? betweenCheckAndAct = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(item);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);

        // The check: two questions to two processes, each answered correctly at the moment it is asked.
        var onHand = await GenServer.CallAsync<int>(_node, Stock, new OnHandQuery(item));
        var reserved = await GenServer.CallAsync<int>(_node, Reservations, new ReservedQuery(item));
        if (reserved + quantity > onHand)
        {
            return false;
        }

        // The gap: the answers above may already be out of date here.
        if (betweenCheckAndAct is not null)
        {
            await betweenCheckAndAct();
        }

        // The act, based on what the check saw.
        return await GenServer.CallAsync<bool>(_node, Reservations, new AddReservation(item, quantity));
    }

    /// <summary>Asks the stock process.</summary>
    /// <param name="item">The item.</param>
    public Task<int> OnHandAsync(string item) => GenServer.CallAsync<int>(_node, Stock, new OnHandQuery(item));

    /// <summary>Asks the reservation process.</summary>
    /// <param name="item">The item.</param>
    public Task<int> ReservedAsync(string item) => GenServer.CallAsync<int>(_node, Reservations, new ReservedQuery(item));
}
