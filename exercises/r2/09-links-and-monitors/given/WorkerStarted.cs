using Otp;

namespace LinksAndMonitors;

/// <summary>Sent by a worker made with <see cref="Worker.Reporting"/> as soon as it runs.</summary>
/// <param name="Worker">The worker that started.</param>
public sealed record WorkerStarted(Pid Worker);
