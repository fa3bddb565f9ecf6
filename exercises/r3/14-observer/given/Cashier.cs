using System;
using Otp;

namespace Observing;

/// <summary>
/// The faulty worker: takes <see cref="Sale"/> casts and records each with the ledger, but its till jams on every
/// <c>crashEvery</c>-th sale since it (re)started: it throws, the process crashes, and its supervisor starts a new
/// cashier whose count begins at zero again. Registered as <c>cashier</c>.
/// </summary>
/// <param name="crashEvery">How many sales a cashier takes, the last one included, before it crashes.</param>
public sealed class Cashier(int crashEvery) : GenServer<int>
{
    /// <inheritdoc />
    protected override InitResult<int> Init() => Ok(0);

    /// <inheritdoc />
    protected override HandleResult<int> HandleCast(object request, int sales)
    {
        if (request is not Sale)
        {
            return base.HandleCast(request, sales);
        }

        sales++;
        if (sales % crashEvery == 0)
        {
            throw new InvalidOperationException($"the till jammed on sale {sales}");
        }

        GenServer.Cast(Context.Node, "ledger", new Recorded("cashier"));
        return NoReply(sales);
    }
}
