using Otp;

namespace Backpressure;

/// <summary>
/// Step 3, consumer to producer (a plain message, handled by HandleInfo): "you may send me <see cref="Count"/> more items". A credit, as GenStage's demand:
/// the producer never sends more than the credits it was given, so the consumer's mailbox never holds more.
/// </summary>
/// <param name="Consumer">Where to send the items.</param>
/// <param name="Count">How many more items the consumer is ready for.</param>
public sealed record Demand(Pid Consumer, int Count);
