using System;
using System.Threading;
using Otp;

namespace Observing;

/// <summary>
/// The system to observe, one-for-one, started in this order: <c>ledger</c> (healthy), <c>cashier</c> (crashes every
/// <c>cashierCrashEvery</c> sales), <c>kitchen</c> (a supervisor whose child <c>oven</c> is slow). It allows
/// <see cref="MaxRestarts"/> restarts within <see cref="MaxTime"/>, then gives up.
/// </summary>
/// <param name="ovenPermits">The oven's permits: one per loaf it bakes.</param>
/// <param name="cashierCrashEvery">How many sales each cashier takes before it crashes (at least 1).</param>
public sealed class Bakery(SemaphoreSlim ovenPermits, int cashierCrashEvery) : SupervisorBase
{
    /// <summary>The restarts the bakery allows within <see cref="MaxTime"/> before it gives up.</summary>
    public const int MaxRestarts = 5;

    /// <summary>The window of <see cref="MaxRestarts"/>, on the node's clock.</summary>
    public static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    protected override SupervisorInit Init() => Ok(
    [
        ChildSpec.For(() => new Ledger(), name: "ledger") with { Id = "ledger" },
        ChildSpec.For(() => new Cashier(cashierCrashEvery), name: "cashier") with { Id = "cashier" },
        ChildSpec.For(() => new Kitchen(ovenPermits), name: "kitchen") with { Id = "kitchen" },
    ], new SupervisorOptions { Strategy = SupervisorStrategy.OneForOne, MaxRestarts = MaxRestarts, MaxTime = MaxTime });
}
