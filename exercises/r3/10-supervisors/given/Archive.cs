using System;
using Otp;

namespace Supervisors;

/// <summary>
/// The library's store of past articles, registered under <see cref="Name"/>. The <see cref="SearchIndex"/> loads its
/// catalogue from it when the index starts; what the index holds is valid for this archive process only.
/// </summary>
/// <param name="log">Where it writes its start and its Terminate.</param>
public sealed class Archive(IStaffLog log) : GenServer<Pid>
{
    /// <summary>The name the archive must be registered under (the index finds it by this name), and its name in the log.</summary>
    public const string Name = "archive";

    private readonly IStaffLog _log = log ?? throw new ArgumentNullException(nameof(log));

    /// <summary>Traps exits and writes its start to the log.</summary>
    protected override InitResult<Pid> Init()
    {
        Context.TrapExit = true;
        _log.Started(Name, Self);
        return Ok(Self);
    }

    /// <summary><see cref="LoadCatalogue"/>: replies with the catalogue, which names the archive it came from.</summary>
    /// <param name="request">The request.</param>
    /// <param name="from">The caller.</param>
    /// <param name="state">The archive's own pid.</param>
    protected override HandleResult<Pid> HandleCall(object request, From from, Pid state) =>
        request switch
        {
            LoadCatalogue => Reply(state, state),
            _ => base.HandleCall(request, from, state),
        };

    /// <summary>Writes the reason it stops to the log.</summary>
    /// <param name="reason">Why it stops.</param>
    /// <param name="state">The archive's own pid.</param>
    protected override void Terminate(object reason, Pid state) => _log.Terminating(Name, state, reason);
}
