using System.Threading;
using System.Threading.Tasks;
using Otp;

namespace Observing;

/// <summary>
/// The slow worker: bakes one loaf per <see cref="Bake"/> cast, but each loaf waits for a permit from
/// <c>permits</c> (the baker's hands). While no permit comes, the oven is stuck on one order and the others pile up
/// in its mailbox: a mailbox that grows. Registered as <c>oven</c>.
/// </summary>
/// <param name="permits">One permit per loaf: a test releases them by hand, the explore program on a timer.</param>
public sealed class Oven(SemaphoreSlim permits) : GenServer<int>
{
    /// <inheritdoc />
    protected override InitResult<int> Init() => Ok(0);

    /// <inheritdoc />
    protected override async ValueTask<HandleResult<int>> HandleCastAsync(object request, int loaves)
    {
        if (request is not Bake)
        {
            return await base.HandleCastAsync(request, loaves);
        }

        // Stops waiting when the oven is killed, so nothing is left waiting for a permit.
        await permits.WaitAsync(Context.ExitToken);
        GenServer.Cast(Context.Node, "ledger", new Recorded("oven"));
        return NoReply(loaves + 1);
    }
}
