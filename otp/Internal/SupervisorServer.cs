namespace Otp;

/// <summary>
/// The supervisor behaviour, written as a gen_server (as OTP's supervisor is): it traps exits, starts its children in
/// order in Init, restarts them on EXIT according to strategy and intensity, and stops them in reverse order in Terminate.
/// The state is this object's child list; the GenServer state argument is unused. The children and flags come from
/// <paramref name="init"/>: a list given to <see cref="Supervisor.StartLinkAsync(ProcessContext, IEnumerable{ChildSpec}, SupervisorOptions?)"/>
/// or a <see cref="SupervisorBase"/>'s Init, run in this process.
/// </summary>
internal sealed class SupervisorServer(Func<SupervisorInit> init) : GenServer<SupervisorServer>
{
    private static readonly Atom NotFound = new("not_found");
    private static readonly Atom Running = new("running");
    private static readonly Atom RestartingAtom = new("restarting");

    private readonly List<ChildRecord> _children = [];
    private SupervisorOptions _options = null!;
    private RestartIntensity _intensity = null!;

    protected override async ValueTask<InitResult<SupervisorServer>> InitAsync()
    {
        Context.TrapExit = true;
        Context.Process.Behaviour = "supervisor";
        var given = init();
        if (given.IsIgnore)
        {
            return Ignore();
        }

        _options = given.Options;
        _intensity = new RestartIntensity(Context.Node.Time, _options.MaxRestarts, _options.MaxTime);
        foreach (var spec in given.Children)
        {
            if (_children.Any(c => Equals(c.Spec.Id, spec.Id)))
            {
                await StopAllAsync().ConfigureAwait(false);
                return StopInit((new Atom("duplicate_child_name"), spec.Id));
            }

            var child = new ChildRecord(spec);
            try
            {
                child.Pid = await ChildStart.StartAsync(Context, spec).ConfigureAwait(false);
            }
            catch (StartFailedException failed) when (!failed.Ignored)
            {
                await StopAllAsync().ConfigureAwait(false);
                return StopInit(ExitReason.ShutdownWith((new Atom("failed_to_start_child"), spec.Id, failed.Reason)));
            }

            if (child.Pid is not null || spec.Restart != RestartType.Temporary)
            {
                _children.Add(child);
            }
        }

        return Ok(this);
    }

    protected override async ValueTask<HandleResult<SupervisorServer>> HandleCallAsync(object request, From from, SupervisorServer state)
    {
        object? reply = request switch
        {
            StartChildRequest start => await StartChildAsync(start.Spec).ConfigureAwait(false),
            TerminateChildRequest terminate => await TerminateChildAsync(terminate.Id).ConfigureAwait(false),
            RestartChildRequest restart => await RestartChildAsync(restart.Id).ConfigureAwait(false),
            DeleteChildRequest delete => DeleteChild(delete.Id),
            GetChildSpecRequest get => _children.Find(c => Equals(c.Spec.Id, get.Id))?.Spec ?? (object)new SupervisorException(NotFound, get.Id),
            WhichChildrenRequest => _children.Select(c => c.Info).Reverse().ToArray(), // OTP lists the newest child first
            CountChildrenRequest => new ChildCounts(
                _children.Count,
                _children.Count(c => c.Pid is not null),
                _children.Count(c => c.Spec.Type == ChildType.Supervisor),
                _children.Count(c => c.Spec.Type == ChildType.Worker)),
            _ => new InvalidOperationException($"Unknown supervisor request {request}."),
        };
        return Reply(reply, this);
    }

    protected override async ValueTask<HandleResult<SupervisorServer>> HandleInfoAsync(object message, SupervisorServer state)
    {
        switch (message)
        {
            case ExitMessage exit when _children.Find(c => c.Pid == exit.From) is { } child:
                child.Pid = null;
                var restart = ShouldRestart(child.Spec.Restart, exit.Reason);
                if (restart || !ExitReason.IsNormal(exit.Reason))
                {
                    Report(child, SupervisorReportKind.ChildTerminated, exit.From, exit.Reason);
                }

                if (!restart)
                {
                    if (child.Spec.Restart == RestartType.Temporary)
                    {
                        _children.Remove(child);
                    }

                    return NoReply(this);
                }

                return await RestartAsync(child, exit.Reason).ConfigureAwait(false);
            case TryAgainRestart again when _children.Find(c => Equals(c.Spec.Id, again.Id)) is { Restarting: true } child:
                // Back to the end of the thread pool's queue first: a start function that fails at once would otherwise
                // retry in a loop on this thread, which OTP's scheduler would preempt and .NET's cannot.
                await Task.Yield();
                return await RestartAsync(child, again.Reason).ConfigureAwait(false);
            default:
                return NoReply(this); // an EXIT from a process that is no longer a child: nothing to do
        }
    }

    protected override ValueTask TerminateAsync(object reason, SupervisorServer state) => new(StopAllAsync());

    private static bool ShouldRestart(RestartType restart, object reason) => restart switch
    {
        RestartType.Permanent => true,
        RestartType.Transient => !ExitReason.IsNormal(reason),
        _ => false,
    };

    /// <summary>
    /// Restarts <paramref name="failed"/> and, by strategy, its group (all children, or it and those after it): the others
    /// are stopped newest first, then the group is started in order. If a child of the group fails to start, the round
    /// stops there and is tried again through the mailbox from that child, exactly as a first restart
    /// (supervisor.erl's <c>try_again_restart</c>): with one_for_all the children restarted in the failed round are stopped again.
    /// </summary>
    private async ValueTask<HandleResult<SupervisorServer>> RestartAsync(ChildRecord failed, object reason)
    {
        if (!_intensity.TryAdd())
        {
            Report(failed, SupervisorReportKind.Shutdown, null, reason);
            // Too many restarts: stop. Terminate stops the remaining children; the reason tells the parent.
            return Stop(ExitReason.Shutdown, this);
        }

        var index = _children.IndexOf(failed);
        var group = _options.Strategy switch
        {
            SupervisorStrategy.OneForAll => _children.ToList(),
            SupervisorStrategy.RestForOne => _children.Skip(index).ToList(),
            _ => [failed],
        };

        foreach (var child in Enumerable.Reverse(group))
        {
            if (child != failed && child.Pid is { } pid)
            {
                await ChildShutdown.StopAsync(Context, pid, child.Spec.EffectiveShutdown).ConfigureAwait(false);
                child.Pid = null;
                if (child.Spec.Restart == RestartType.Temporary)
                {
                    _children.Remove(child);
                }
            }
        }

        foreach (var child in group.Where(c => _children.Contains(c) && c.Pid is null))
        {
            try
            {
                child.Pid = await ChildStart.StartAsync(Context, child.Spec).ConfigureAwait(false);
                child.Restarting = false;
                Report(child, SupervisorReportKind.ChildRestarted, child.Pid, reason);
            }
            catch (StartFailedException failedStart)
            {
                // OTP tries again later, through the mailbox, each attempt counting against the intensity.
                Report(child, SupervisorReportKind.StartError, null, failedStart.Reason);
                child.Restarting = true;
                Context.Send(Self, new TryAgainRestart(child.Spec.Id, reason));
                break;
            }
        }

        return NoReply(this);
    }

    private void Report(ChildRecord child, SupervisorReportKind kind, Pid? pid, object reason) =>
        Context.Node.ReportSupervisor(new SupervisorReport(Self, Context.Process.RegisteredName, child.Spec.Id, kind, pid, reason));

    private async Task<object?> StartChildAsync(ChildSpec spec)
    {
        if (_children.Find(c => Equals(c.Spec.Id, spec.Id)) is { } existing)
        {
            return new StartFailedException(existing.Pid is { } pid ? (new Atom("already_started"), pid) : new Atom("already_present"));
        }

        StartedChild? started;
        try
        {
            started = await ChildStart.StartWithInfoAsync(Context, spec).ConfigureAwait(false);
        }
        catch (StartFailedException failed)
        {
            return failed;
        }

        if (started is not null || spec.Restart != RestartType.Temporary)
        {
            _children.Add(new ChildRecord(spec) { Pid = started?.Pid });
        }

        return started;
    }

    private async Task<object?> TerminateChildAsync(object id)
    {
        if (_children.Find(c => Equals(c.Spec.Id, id)) is not { } child)
        {
            return new SupervisorException(NotFound, id);
        }

        if (child.Pid is { } pid)
        {
            await ChildShutdown.StopAsync(Context, pid, child.Spec.EffectiveShutdown).ConfigureAwait(false);
            child.Pid = null;
        }

        child.Restarting = false;
        if (child.Spec.Restart == RestartType.Temporary)
        {
            _children.Remove(child);
        }

        return null;
    }

    private async Task<object?> RestartChildAsync(object id)
    {
        if (_children.Find(c => Equals(c.Spec.Id, id)) is not { } child)
        {
            return new SupervisorException(NotFound, id);
        }

        if (child.Pid is not null)
        {
            return new SupervisorException(Running, id);
        }

        if (child.Restarting)
        {
            return new SupervisorException(RestartingAtom, id);
        }

        try
        {
            child.Pid = await ChildStart.StartAsync(Context, child.Spec).ConfigureAwait(false);
            return child.Pid;
        }
        catch (StartFailedException failed)
        {
            return failed;
        }
    }

    private SupervisorException? DeleteChild(object id)
    {
        if (_children.Find(c => Equals(c.Spec.Id, id)) is not { } child)
        {
            return new SupervisorException(NotFound, id);
        }

        if (child.Pid is not null || child.Restarting)
        {
            return new SupervisorException(child.Restarting ? RestartingAtom : Running, id);
        }

        _children.Remove(child);
        return null;
    }

    private async Task StopAllAsync()
    {
        for (var i = _children.Count - 1; i >= 0; i--)
        {
            if (_children[i].Pid is { } pid)
            {
                await ChildShutdown.StopAsync(Context, pid, _children[i].Spec.EffectiveShutdown).ConfigureAwait(false);
                _children[i].Pid = null;
            }
        }
    }
}
