using System;
using System.Threading.Tasks;
using Otp;

namespace Supervisors;

/// <summary>
/// The press's printer, registered under <see cref="Name"/>. It pairs with one courier in its life (<see cref="Pair"/>)
/// and numbers every bundle it hands that courier, from 1: a new courier would get bundle 57 when it expects bundle 1,
/// so a second <see cref="Pair"/> is refused. Told to stop while a page is on the press (<see cref="PrintPage"/>), its
/// Terminate waits for <see cref="PageDone"/> before it returns, for as long as its supervisor lets it.
/// </summary>
/// <param name="log">Where it writes its start and its Terminate.</param>
public sealed class Printer(IStaffLog log) : GenServer<(Pid? Courier, bool Printing)>
{
    /// <summary>The name the printer must be registered under (the courier finds it by this name), and its name in the log.</summary>
    public const string Name = "printer";

    private readonly IStaffLog _log = log ?? throw new ArgumentNullException(nameof(log));

    /// <summary>Traps exits and writes its start to the log; no courier yet, no page on the press.</summary>
    protected override InitResult<(Pid? Courier, bool Printing)> Init()
    {
        Context.TrapExit = true;
        _log.Started(Name, Self);
        return Ok((null, false));
    }

    /// <summary>
    /// <see cref="Pair"/>: replies with the printer's pid, or null if it is already paired. <see cref="PairedWith"/>: its
    /// courier, or null. <see cref="PrintPage"/>: a page is on the press until <see cref="PageDone"/> arrives; replies true.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="from">The caller.</param>
    /// <param name="state">Its courier, and whether a page is on the press.</param>
    protected override HandleResult<(Pid? Courier, bool Printing)> HandleCall(object request, From from, (Pid? Courier, bool Printing) state) => request switch
    {
        Pair pair when state.Courier is null => Reply(Self, (pair.Courier, state.Printing)),
        Pair => Reply(null, state),
        PairedWith => Reply(state.Courier, state),
        PrintPage => Reply(true, (state.Courier, true)),
        _ => base.HandleCall(request, from, state),
    };

    /// <summary><see cref="PageDone"/>: the page is off the press. Other messages are ignored.</summary>
    /// <param name="message">The message.</param>
    /// <param name="state">Its courier, and whether a page is on the press.</param>
    protected override HandleResult<(Pid? Courier, bool Printing)> HandleInfo(object message, (Pid? Courier, bool Printing) state) =>
        message switch
        {
            PageDone => NoReply((state.Courier, false)),
            _ => NoReply(state),
        };

    /// <summary>Writes the reason it stops to the log, then, if a page is on the press, waits for its <see cref="PageDone"/>.</summary>
    /// <param name="reason">Why it stops.</param>
    /// <param name="state">Its courier, and whether a page is on the press.</param>
    protected override async ValueTask TerminateAsync(object reason, (Pid? Courier, bool Printing) state)
    {
        _log.Terminating(Name, Self, reason);
        if (state.Printing)
        {
            await Context.ReceiveAsync<PageDone>();
        }
    }
}
