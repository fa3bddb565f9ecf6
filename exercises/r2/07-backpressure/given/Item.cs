namespace Backpressure;

/// <summary>
/// One unit of work for the <see cref="Consumer"/>: sent by cast (step 1: nobody waits for it) or by call (steps 2
/// and 4: the caller waits for the consumer's reply, the item's <see cref="Value"/>).
/// </summary>
/// <param name="Value">The item; the consumer records it once it has handled it.</param>
public sealed record Item(int Value);
