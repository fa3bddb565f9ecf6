using System.Collections.Immutable;
using Otp;

namespace WhenNotToOtp;

/// <summary>
/// The split shop's second process: it knows how many units of each item are reserved, and nothing about the stock.
/// Each call on its own is atomic (a server handles one message at a time); nothing makes two calls one.
/// </summary>
internal sealed class ReservationServer : GenServer<ImmutableDictionary<string, int>>
{
    protected override InitResult<ImmutableDictionary<string, int>> Init() => Ok(ImmutableDictionary<string, int>.Empty);

    protected override HandleResult<ImmutableDictionary<string, int>> HandleCall(object request, From from, ImmutableDictionary<string, int> reserved) =>
        request switch
        {
            ReservedQuery(var item) => Reply(reserved.GetValueOrDefault(item), reserved),
            AddReservation(var item, var quantity) => Reply(true, reserved.SetItem(item, reserved.GetValueOrDefault(item) + quantity)),
            _ => base.HandleCall(request, from, reserved),
        };
}
