using System.Collections.Generic;
using System.Text;

namespace Backpressure;

/// <summary>
/// Step 4: what <see cref="Producer.SendAllAsync"/> did with a batch. Every item of the batch is in exactly one place:
/// <see cref="Delivered"/> (the consumer replied), <see cref="TimedOut"/> (no reply in time: the consumer may still handle
/// it, so it is neither delivered nor lost) or <see cref="Shed"/> (never sent: load shed because the consumer is behind).
/// </summary>
/// <param name="Delivered">The items the consumer acknowledged, in order.</param>
/// <param name="TimedOut">The item whose call timed out, or null if none did.</param>
/// <param name="Shed">The items after it, not sent, in order.</param>
public sealed record DeliveryReport(IReadOnlyList<int> Delivered, int? TimedOut, IReadOnlyList<int> Shed)
{
    // Prints the items themselves (a list's own ToString is only its type's name), for readable test failures.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Delivered = [{string.Join(", ", Delivered)}], TimedOut = {TimedOut?.ToString() ?? "null"}, Shed = [{string.Join(", ", Shed)}]");
        return true;
    }
}
