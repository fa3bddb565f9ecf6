using System;
using System.Threading.Tasks;
using Otp;

namespace Supervisors;

/// <summary>
/// The press's courier: when it starts, it pairs with the printer registered as <see cref="Printer.Name"/> (so the
/// printer must already run, and must not be paired yet) and from then on takes that printer's numbered bundles. It
/// answers <see cref="PairedWith"/> with the printer's pid.
/// </summary>
/// <param name="log">Where it writes its start and its Terminate.</param>
public sealed class Courier(IStaffLog log) : GenServer<Pid>
{
    /// <summary>Its name in the log.</summary>
    public const string Name = "courier";

    private readonly IStaffLog _log = log ?? throw new ArgumentNullException(nameof(log));

    /// <summary>
    /// Traps exits and pairs with the printer (a call: it fails if no printer runs); a printer already paired refuses,
    /// and the courier's start fails with <c>printer_already_paired</c>. Writes its start to the log.
    /// </summary>
    protected override async ValueTask<InitResult<Pid>> InitAsync()
    {
        Context.TrapExit = true;
        var printer = await GenServer.CallAsync<Pid?>(Context, Printer.Name, new Pair(Self));
        if (printer is null)
        {
            return StopInit(new Atom("printer_already_paired"));
        }

        _log.Started(Name, Self);
        return Ok(printer);
    }

    /// <summary><see cref="PairedWith"/>: replies with the pid of its printer.</summary>
    /// <param name="request">The request.</param>
    /// <param name="from">The caller.</param>
    /// <param name="state">Its printer.</param>
    protected override HandleResult<Pid> HandleCall(object request, From from, Pid state) =>
        request switch
        {
            PairedWith => Reply(state, state),
            _ => base.HandleCall(request, from, state),
        };

    /// <summary>Writes the reason it stops to the log.</summary>
    /// <param name="reason">Why it stops.</param>
    /// <param name="state">Its printer.</param>
    protected override void Terminate(object reason, Pid state) => _log.Terminating(Name, Self, reason);
}
