using System.Threading;
using Otp;

namespace Observing;

/// <summary>The kitchen: a supervisor of its own, under the bakery, with the oven as its only child (id <c>oven</c>).</summary>
/// <param name="ovenPermits">The oven's permits (see <see cref="Oven"/>).</param>
public sealed class Kitchen(SemaphoreSlim ovenPermits) : SupervisorBase
{
    /// <inheritdoc />
    protected override SupervisorInit Init() => Ok(
    [
        ChildSpec.For(() => new Oven(ovenPermits), name: "oven") with { Id = "oven" },
    ]);
}
