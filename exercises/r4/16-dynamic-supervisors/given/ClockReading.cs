using System;

namespace DynamicSupervisors;

/// <summary>What a <see cref="RunnerClock"/> shows: whose clock it is and how long it has run.</summary>
/// <param name="Runner">The runner the clock times.</param>
/// <param name="Elapsed">The time since the clock started, on the node's clock.</param>
public sealed record ClockReading(string Runner, TimeSpan Elapsed);
