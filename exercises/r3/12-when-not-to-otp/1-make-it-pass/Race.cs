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
    public static Task<RaceOutcome> LastUnitAsync(IShop shop, string item) =>
        throw new NotImplementedException("Step 1: implement Race.LastUnitAsync (see README, step 1).");
}
