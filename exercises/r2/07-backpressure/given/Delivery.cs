using Otp;

namespace Backpressure;

/// <summary>Step 3, producer to consumer (a cast): one item sent against one credit of a <see cref="Demand"/>.</summary>
/// <param name="Producer">Who sent it: the consumer grants this producer one more credit once it has handled the item.</param>
/// <param name="Value">The item.</param>
public sealed record Delivery(Pid Producer, int Value);
