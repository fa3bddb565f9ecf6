using System;

namespace DynamicSupervisors;

/// <summary>
/// The desk refused a clock because it already runs as many as it may: its supervisor's cap on children was reached.
/// </summary>
/// <param name="runner">The runner refused.</param>
/// <param name="capacity">The most clocks the desk runs at once.</param>
/// <param name="innerException">The supervisor's refusal (a <c>max_children</c> <see cref="Otp.SupervisorException"/>).</param>
public sealed class DeskFullException(string runner, int capacity, Exception? innerException)
    : Exception($"The desk is full: it runs {capacity} clocks, its capacity, so {runner} gets none until a runner finishes.", innerException)
{
    /// <summary>The runner refused.</summary>
    public string Runner { get; } = runner;

    /// <summary>The most clocks the desk runs at once.</summary>
    public int Capacity { get; } = capacity;
}
