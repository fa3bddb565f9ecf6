using System;

namespace DynamicSupervisors;

/// <summary>The desk refused a clock to a runner who is not on the entry list.</summary>
/// <param name="runner">The runner refused.</param>
public sealed class NotEnteredException(string runner)
    : Exception($"{runner} is not entered in the race: the desk starts no clock for them.")
{
    /// <summary>The runner refused.</summary>
    public string Runner { get; } = runner;
}
