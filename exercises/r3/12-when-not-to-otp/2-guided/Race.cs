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
    public static Task<RaceOutcome> LastUnitAsync(IShop shop, string item)
    {
        // TODO Step 1: make this method async, and check the arguments first:
        //              ArgumentNullException.ThrowIfNull(shop), ArgumentException.ThrowIfNullOrEmpty(item).

        // TODO Step 1: two gates, "held" (opened when the first customer reaches its gap) and "release" (what it waits on
        //              there): new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) each, so that
        //              opening a gate does not run the waiting code inside TrySetResult.

        // TODO Step 1: start the first customer, WITHOUT awaiting it yet:
        //              var first = shop.ReserveAsync(item, 1, async () => { held.TrySetResult(); await release.Task; });

        // TODO Step 1: wait until the first is held OR has finished: await Task.WhenAny(held.Task, first).
        //              (A design with no gap never calls the pause: waiting for "held" alone would wait for ever.)

        // TODO Step 1: run the second customer to the end (no pause): await shop.ReserveAsync(item, 1).
        //              Open "release" in a finally around it, so the first is let go whatever happens to the second.

        // TODO Step 1: await the first's answer, then return new RaceOutcome(first answer, second answer,
        //              await shop.ReservedAsync(item), await shop.OnHandAsync(item)).
        throw new NotImplementedException("Step 1: implement Race.LastUnitAsync (see README, step 1).");
    }
}
