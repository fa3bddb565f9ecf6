namespace Otp;

/// <summary>
/// Elixir's DynamicSupervisor as a gen_server: no children at start, children added with start_child and known by pid,
/// one_for_one restarts within the intensity, children stopped in reverse start order when it stops.
/// A child whose restart failed stays a child, marked restarting under its old pid, until a retry (a message to itself,
/// Elixir's <c>{:"$gen_restart", pid}</c>) starts it or terminate_child forgets it.
/// </summary>
internal sealed class DynamicSupervisorServer(Func<DynamicSupervisorOptions?> init) : GenServer<DynamicSupervisorServer>
{
    private static readonly Atom Undefined = new("undefined");

    // Insertion order is start order; a restarted child keeps the place of the one it replaces.
    private readonly List<Child> _children = [];
    private DynamicSupervisorOptions _options = null!;
    private RestartIntensity _intensity = null!;

    protected override InitResult<DynamicSupervisorServer> Init()
    {
        Context.TrapExit = true;
        Context.Process.Behaviour = "dynamic_supervisor";
        if (init() is not { } options)
        {
            return Ignore();
        }

        _options = DynamicSupervisorOptions.Validate(options);
        _intensity = new RestartIntensity(Context.Node.Time, options.MaxRestarts, options.MaxTime);
        return Ok(this);
    }

    protected override async ValueTask<HandleResult<DynamicSupervisorServer>> HandleCallAsync(object request, From from, DynamicSupervisorServer state)
    {
        object? reply = request switch
        {
            StartChildRequest start => await StartChildAsync(start.Spec).ConfigureAwait(false),
            StartChildWithExtraRequest start => await StartChildWithExtraAsync(start.Factory).ConfigureAwait(false),
            TerminateChildRequest { Id: Pid pid } => await TerminateChildAsync(pid).ConfigureAwait(false),
            TerminateChildRequest terminate => new SupervisorException(new Atom("not_found"), terminate.Id),
            WhichChildrenRequest => _children.Select(c => new ChildInfo(Undefined, c.Restarting ? null : c.Pid, c.Spec.Type, c.Restarting)).ToArray(),
            CountChildrenRequest => new ChildCounts(
                _children.Count,
                _children.Count(c => !c.Restarting),
                _children.Count(c => c.Spec.Type == ChildType.Supervisor),
                _children.Count(c => c.Spec.Type == ChildType.Worker)),
            _ => new InvalidOperationException($"A DynamicSupervisor does not handle {request}."),
        };
        return Reply(reply, this);
    }

    protected override async ValueTask<HandleResult<DynamicSupervisorServer>> HandleInfoAsync(object message, DynamicSupervisorServer state)
    {
        switch (message)
        {
            case ExitMessage exit when Find(exit.From) is { Restarting: false } child:
                // Elixir's: a transient child that exits normal, shutdown or {shutdown, _} is not restarted.
                var restart = child.Spec.Restart == RestartType.Permanent
                    || (child.Spec.Restart == RestartType.Transient && !ExitReason.IsNormal(exit.Reason));
                if (restart || !ExitReason.IsNormal(exit.Reason))
                {
                    Report(SupervisorReportKind.ChildTerminated, exit.From, exit.Reason);
                }

                if (!restart)
                {
                    _children.Remove(child);
                }
                else if (!await RestartAsync(child, exit.Reason).ConfigureAwait(false))
                {
                    return Stop(ExitReason.Shutdown, this);
                }

                break;
            case RetryRestart retry when Find(retry.Pid) is { Restarting: true } child:
                // Back to the thread pool before trying again: a start that keeps failing at once must not hold this
                // thread in a loop of its own (on the BEAM the scheduler would preempt it).
                await Task.Yield();
                if (!await RestartAsync(child, retry.Reason).ConfigureAwait(false))
                {
                    return Stop(ExitReason.Shutdown, this);
                }

                break;
        }

        return NoReply(this);
    }

    protected override async ValueTask TerminateAsync(object reason, DynamicSupervisorServer state)
    {
        for (var i = _children.Count - 1; i >= 0; i--)
        {
            if (!_children[i].Restarting)
            {
                await ChildShutdown.StopAsync(Context, _children[i].Pid, _children[i].Spec.EffectiveShutdown).ConfigureAwait(false);
            }
        }

        _children.Clear();
    }

    private Child? Find(Pid pid) => _children.Find(c => c.Pid == pid);

    /// <summary>Counts a restart and tries it; false when that exceeds the intensity (the supervisor then stops).</summary>
    private async Task<bool> RestartAsync(Child child, object reason)
    {
        if (!_intensity.TryAdd())
        {
            Report(SupervisorReportKind.Shutdown, child.Pid, reason);
            _children.Remove(child);
            return false;
        }

        try
        {
            if (await ChildStart.StartAsync(Context, child.Spec).ConfigureAwait(false) is { } pid)
            {
                child.Pid = pid;
                child.Restarting = false;
                Report(SupervisorReportKind.ChildRestarted, pid, reason);
            }
            else
            {
                _children.Remove(child); // ignore on restart: the child is gone for good
            }
        }
        catch (StartFailedException failed)
        {
            Report(SupervisorReportKind.StartError, null, failed.Reason);
            child.Restarting = true; // still a child, under its old pid, until a retry starts it or terminate_child forgets it
            Context.Send(Self, new RetryRestart(child.Pid, reason));
        }

        return true;
    }

    // A DynamicSupervisor's children have no id: OTP reports them as undefined.
    private void Report(SupervisorReportKind kind, Pid? pid, object reason) =>
        Context.Node.ReportSupervisor(new SupervisorReport(Self, Context.Process.RegisteredName, Undefined, kind, pid, reason));

    private async Task<object?> StartChildAsync(ChildSpec spec)
    {
        if (_options.MaxChildren is { } max && _children.Count >= max)
        {
            return new SupervisorException(new Atom("max_children"), spec.Id);
        }

        try
        {
            if (await ChildStart.StartAsync(Context, spec).ConfigureAwait(false) is not { } pid)
            {
                return null; // ignore
            }

            _children.Add(new Child(spec) { Pid = pid });
            return pid;
        }
        catch (StartFailedException failed)
        {
            return failed;
        }
    }

    private async Task<object?> StartChildWithExtraAsync(Func<object?, ChildSpec> factory)
    {
        ChildSpec spec;
        try
        {
            spec = factory(_options.ExtraArguments);
        }
        catch (Exception crash) when (crash is not ProcessKilledSignal)
        {
            return ChildStart.Failure(crash);
        }

        return await StartChildAsync(spec).ConfigureAwait(false);
    }

    private async Task<object?> TerminateChildAsync(Pid pid)
    {
        if (Find(pid) is not { } child)
        {
            return new SupervisorException(new Atom("not_found"), pid);
        }

        _children.Remove(child);
        if (!child.Restarting)
        {
            await ChildShutdown.StopAsync(Context, pid, child.Spec.EffectiveShutdown).ConfigureAwait(false);
        }

        return null; // a restarting child is only forgotten: its pending retry then finds nothing to do
    }

    private sealed class Child(ChildSpec spec)
    {
        public ChildSpec Spec { get; } = spec;

        /// <summary>The running child's pid; while restarting, the pid of the one that exited (Elixir keys it so).</summary>
        public Pid Pid { get; set; } = null!;

        public bool Restarting { get; set; }
    }

    private sealed record RetryRestart(Pid Pid, object Reason);
}
