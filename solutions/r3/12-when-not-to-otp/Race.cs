using System;
using System.Threading.Tasks;

namespace WhenNotToOtp;

/// <summary>
/// The reproduction: a race made to happen every time, not by luck. Two customers go for the last unit of an item;
/// the first is held at the moment between its check and its act while the second reserves from start to end.
/// </summary>
public static class Race
{
    /// <summary>
    /// Two customers each reserve one unit of <paramref name="item"/>: the first starts and is held between its check and
    /// its act (through the shop's <c>betweenCheckAndAct</c> seam) until the second has had its answer; a design with no
    /// such gap is simply let finish first. Returns both answers and the units reserved and on hand once both are done.
    /// </summary>
    /// <param name="shop">The design under test, with one unit of <paramref name="item"/> free.</param>
    /// <param name="item">The item: not empty.</param>
    /// <exception cref="ArgumentNullException"><paramref name="shop"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="item"/> is null or empty.</exception>
    /// <remarks>
    /// Two gates, both <see cref="TaskCompletionSource"/>s: <c>held</c> opens when the first customer reaches the gap,
    /// <c>release</c> is what it waits on there. The test thread decides when each opens, so the interleaving is the
    /// same on every machine, however loaded. No sleep could promise that.
    /// </remarks>
    public static async Task<RaceOutcome> LastUnitAsync(IShop shop, string item)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentException.ThrowIfNullOrEmpty(item);

        // RunContinuationsAsynchronously: opening a gate must not run the waiting customer inside TrySetResult.
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var first = shop.ReserveAsync(item, 1, async () =>
        {
            held.TrySetResult();
            await release.Task;
        });

        // The first customer is now in the gap, or finished: a design that checks and acts in one step has no gap.
        await Task.WhenAny(held.Task, first);

        bool secondReserved;
        try
        {
            secondReserved = await shop.ReserveAsync(item, 1);
        }
        finally
        {
            // Whatever happened to the second, never leave the first held for ever.
            release.TrySetResult();
        }

        var firstReserved = await first;
        return new RaceOutcome(firstReserved, secondReserved, await shop.ReservedAsync(item), await shop.OnHandAsync(item));
    }
}
