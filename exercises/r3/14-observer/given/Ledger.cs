using Otp;

namespace Observing;

/// <summary>
/// The healthy worker: counts the sales and the loaves that the cashier and the oven record (its state, as the
/// dashboard shows it: <c>(Sales, Loaves)</c>). A call <c>"totals"</c> answers both. Registered as <c>ledger</c>.
/// </summary>
public sealed class Ledger : GenServer<(int Sales, int Loaves)>
{
    /// <inheritdoc />
    protected override InitResult<(int Sales, int Loaves)> Init() => Ok((0, 0));

    /// <inheritdoc />
    protected override HandleResult<(int Sales, int Loaves)> HandleCast(object request, (int Sales, int Loaves) totals) => request switch
    {
        Recorded { By: "cashier" } => NoReply(totals with { Sales = totals.Sales + 1 }),
        Recorded { By: "oven" } => NoReply(totals with { Loaves = totals.Loaves + 1 }),
        _ => base.HandleCast(request, totals),
    };

    /// <inheritdoc />
    protected override HandleResult<(int Sales, int Loaves)> HandleCall(object request, From from, (int Sales, int Loaves) totals) => request switch
    {
        "totals" => Reply(totals, totals),
        _ => base.HandleCall(request, from, totals),
    };
}
