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
    public static async Task<RaceOutcome> LastUnitAsync(IShop shop, string item)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentException.ThrowIfNullOrEmpty(item);

        // Two gates, both TaskCompletionSources: "held" opens when the first customer reaches the gap, "release" is what
        // it waits on there. This code decides when each opens, so the interleaving is the same on every machine, however
        // loaded; no sleep could promise that. RunContinuationsAsynchronously: opening a gate must not run the waiting
        // customer inside TrySetResult.
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The first customer starts, and is not awaited yet: it runs until it reaches the pause (or its end).
        var first = shop.ReserveAsync(item, 1, async () =>
        {
            held.TrySetResult();
            await release.Task;
        });

        var (firstReserved, secondReserved) = await SecondWhileFirstIsHeldAsync(shop, item, first, held.Task, release);
        return new RaceOutcome(firstReserved, secondReserved, await shop.ReservedAsync(item), await shop.OnHandAsync(item));
    }

    // Gap, step 1: the interleaving itself, in three moves.
    // 1. Wait until the first customer is held in its gap OR has finished: await Task.WhenAny(held, first). A design
    //    that checks and acts in one step never calls the pause, and waiting for "held" alone would wait for ever.
    // 2. Run the second customer to the end, with no pause: await shop.ReserveAsync(item, 1). Open the gate
    //    (release.TrySetResult()) in a finally around it: whatever happens to the second, the first must not be left
    //    held for ever.
    // 3. Await the first one's answer, and return both: (await first, second).
    private static Task<(bool First, bool Second)> SecondWhileFirstIsHeldAsync(
        IShop shop, string item, Task<bool> first, Task held, TaskCompletionSource release) =>
        throw new NotImplementedException("Step 1: implement Race.SecondWhileFirstIsHeldAsync: hold the first, run the second, let the first go (see README, step 1).");
}
