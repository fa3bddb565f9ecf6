using Otp;

namespace Backpressure;

/// <summary>Step 3, cast to a <see cref="Consumer"/>: take your items from <see cref="Producer"/>, as many as you are ready for.</summary>
/// <param name="Producer">A <see cref="DemandProducer"/>.</param>
public sealed record Subscribe(Pid Producer);
