using System;
using System.Threading.Tasks;
using Otp;

namespace Supervisors;

/// <summary>
/// A cache: when it starts, it loads the catalogue of the archive registered as <see cref="Archive.Name"/> (so the
/// archive must already run) and from then on answers from memory. It remembers which archive process it loaded from:
/// an index loaded from an archive that has since been replaced is stale. It answers <see cref="LoadedFrom"/> with that pid.
/// </summary>
/// <param name="log">Where it writes its start and its Terminate.</param>
public sealed class SearchIndex(IStaffLog log) : GenServer<Pid>
{
    /// <summary>Its name in the log.</summary>
    public const string Name = "index";

    private readonly IStaffLog _log = log ?? throw new ArgumentNullException(nameof(log));

    /// <summary>Traps exits, loads the archive's catalogue (a call: it fails if no archive runs) and writes its start to the log.</summary>
    protected override async ValueTask<InitResult<Pid>> InitAsync()
    {
        Context.TrapExit = true;
        var archive = await GenServer.CallAsync<Pid>(Context, Archive.Name, new LoadCatalogue());
        _log.Started(Name, Self);
        return Ok(archive);
    }

    /// <summary><see cref="LoadedFrom"/>: replies with the pid of the archive the index loaded from.</summary>
    /// <param name="request">The request.</param>
    /// <param name="from">The caller.</param>
    /// <param name="state">The archive it loaded from.</param>
    protected override HandleResult<Pid> HandleCall(object request, From from, Pid state) =>
        request switch
        {
            LoadedFrom => Reply(state, state),
            _ => base.HandleCall(request, from, state),
        };

    /// <summary>Writes the reason it stops to the log.</summary>
    /// <param name="reason">Why it stops.</param>
    /// <param name="state">The archive it loaded from.</param>
    protected override void Terminate(object reason, Pid state) => _log.Terminating(Name, Self, reason);
}
