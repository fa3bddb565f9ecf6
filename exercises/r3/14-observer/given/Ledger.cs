using Otp;

namespace Observing;

/// <summary>
/// The healthy worker: counts what the cashier and the oven record. A call <c>"total"</c> answers the count so far.
/// Registered as <c>ledger</c>.
/// </summary>
public sealed class Ledger : GenServer<int>
{
    /// <inheritdoc />
    protected override InitResult<int> Init() => Ok(0);

    /// <inheritdoc />
    protected override HandleResult<int> HandleCast(object request, int total) => request switch
    {
        Recorded => NoReply(total + 1),
        _ => base.HandleCast(request, total),
    };

    /// <inheritdoc />
    protected override HandleResult<int> HandleCall(object request, From from, int total) => request switch
    {
        "total" => Reply(total, total),
        _ => base.HandleCall(request, from, total),
    };
}
