using System;

namespace CrcServer;

/// <summary>
/// How often a <see cref="Restarter{TCall, TReply, TCast}"/> may restart its server before it gives up: at most
/// <paramref name="MaxRestarts"/> restarts within any <paramref name="Period"/>. A supervisor's <i>restart intensity</i>
/// in OTP: Elixir's <c>Supervisor</c> calls it <c>max_restarts</c> and <c>max_seconds</c> (by default 3 in 5 seconds),
/// Erlang's <c>supervisor</c> calls it <c>intensity</c> and <c>period</c> (by default 1 in 5 seconds).
/// </summary>
/// <param name="MaxRestarts">How many restarts are allowed within <paramref name="Period"/>; zero means never restart.</param>
/// <param name="Period">How long a restart counts towards the limit after it happened.</param>
public sealed record RestartPolicy(int MaxRestarts, TimeSpan Period)
{
    /// <summary>Elixir's default for a supervisor: 3 restarts within 5 seconds.</summary>
    public static RestartPolicy Default { get; } = new(3, TimeSpan.FromSeconds(5));
}
