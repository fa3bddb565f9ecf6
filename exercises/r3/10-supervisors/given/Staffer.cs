using System;
using Otp;

namespace Supervisors;

/// <summary>
/// A member of staff: a desk ("sports", "weather", "politics") or an assignment ("wire", "correction", "interview").
/// It depends on nobody and nobody depends on it. It traps exits, so its supervisor's <c>shutdown</c> runs its
/// Terminate, and it writes its start and its Terminate to the log.
/// </summary>
/// <param name="name">Its name, as written to the log.</param>
/// <param name="log">Where it writes its start and its Terminate.</param>
public sealed class Staffer(string name, IStaffLog log) : GenServer<string>
{
    private readonly IStaffLog _log = log ?? throw new ArgumentNullException(nameof(log));

    /// <summary>Traps exits and writes its start to the log.</summary>
    protected override InitResult<string> Init()
    {
        Context.TrapExit = true;
        _log.Started(name, Self);
        return Ok(name);
    }

    /// <summary>Writes the reason it stops to the log.</summary>
    /// <param name="reason">Why it stops.</param>
    /// <param name="state">Its name.</param>
    protected override void Terminate(object reason, string state) => _log.Terminating(state, Self, reason);
}
