using System.Collections.Immutable;
using Otp;

namespace WhenNotToOtp;

/// <summary>
/// The split shop's first process: it knows how many units of each item are on hand, and nothing about reservations.
/// </summary>
/// <param name="stock">Units on hand, by item.</param>
internal sealed class StockServer(ImmutableDictionary<string, int> stock) : GenServer<ImmutableDictionary<string, int>>
{
    protected override InitResult<ImmutableDictionary<string, int>> Init() => Ok(stock);

    protected override HandleResult<ImmutableDictionary<string, int>> HandleCall(object request, From from, ImmutableDictionary<string, int> onHand) =>
        request switch
        {
            OnHandQuery(var item) => Reply(onHand.GetValueOrDefault(item), onHand),
            _ => base.HandleCall(request, from, onHand),
        };
}
