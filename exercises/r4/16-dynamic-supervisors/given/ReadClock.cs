namespace DynamicSupervisors;

/// <summary>The call a <see cref="RunnerClock"/> answers with a <see cref="ClockReading"/>.</summary>
public sealed record ReadClock;
