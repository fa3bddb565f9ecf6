namespace Otp;

/// <summary>
/// Elixir's DynamicSupervisor as a gen_server: no children at start, children added with start_child and known by pid,
/// one_for_one restarts within the intensity, children stopped in reverse start order when it stops.
/// </summary>
internal sealed class DynamicSupervisorServer(DynamicSupervisorOptions options) : GenServer<DynamicSupervisorServer>
{
    private static readonly Atom Undefined = new("undefined");

    // Insertion order is start order; a restarted child takes the place of the one it replaces.
    private readonly List<(Pid Pid, ChildSpec Spec)> _children = [];
    private RestartIntensity _intensity = null!;

    protected override InitResult<DynamicSupervisorServer> Init()
    {
        Context.TrapExit = true;
        Context.Process.Behaviour = "dynamic_supervisor";
        _intensity = new RestartIntensity(Context.Node.Time, options.MaxRestarts, options.MaxTime);
        return Ok(this);
    }

    protected override async ValueTask<HandleResult<DynamicSupervisorServer>> HandleCallAsync(object request, From from, DynamicSupervisorServer state)
    {
        object? reply = request switch
        {
            StartChildRequest start => await StartChildAsync(start.Spec).ConfigureAwait(false),
            TerminateChildRequest { Id: Pid pid } => await TerminateChildAsync(pid).ConfigureAwait(false),
            TerminateChildRequest terminate => new SupervisorException(new Atom("not_found"), terminate.Id),
            WhichChildrenRequest => _children.Select(c => new ChildInfo(Undefined, c.Pid, c.Spec.Type, false)).ToArray(),
            CountChildrenRequest => new ChildCounts(
                _children.Count,
                _children.Count,
                _children.Count(c => c.Spec.Type == ChildType.Supervisor),
                _children.Count(c => c.Spec.Type == ChildType.Worker)),
            _ => new InvalidOperationException($"A DynamicSupervisor does not handle {request}."),
        };
        return Reply(reply, this);
    }

    protected override async ValueTask<HandleResult<DynamicSupervisorServer>> HandleInfoAsync(object message, DynamicSupervisorServer state)
    {
        if (message is ExitMessage exit && _children.FindIndex(c => c.Pid == exit.From) is var index and >= 0)
        {
            var spec = _children[index].Spec;
            var restart = spec.Restart == RestartType.Permanent
                || (spec.Restart == RestartType.Transient && !ExitReason.IsNormal(exit.Reason));
            _children.RemoveAt(index);
            if (restart)
            {
                if (!_intensity.TryAdd())
                {
                    return Stop(ExitReason.Shutdown, this);
                }

                await RestartAsync(spec, index).ConfigureAwait(false);
            }
        }
        else if (message is RetryDynamicRestart retry)
        {
            if (!_intensity.TryAdd())
            {
                return Stop(ExitReason.Shutdown, this);
            }

            await RestartAsync(retry.Spec, Math.Min(retry.Index, _children.Count)).ConfigureAwait(false);
        }

        return NoReply(this);
    }

    protected override async ValueTask TerminateAsync(object reason, DynamicSupervisorServer state)
    {
        for (var i = _children.Count - 1; i >= 0; i--)
        {
            await ChildShutdown.StopAsync(Context, _children[i].Pid, _children[i].Spec.EffectiveShutdown).ConfigureAwait(false);
        }

        _children.Clear();
    }

    private async Task RestartAsync(ChildSpec spec, int index)
    {
        try
        {
            var pid = await spec.Start(Context).ConfigureAwait(false);
            _children.Insert(index, (pid, spec));
        }
        catch (StartFailedException failed) when (failed.Ignored)
        {
            // ignore on restart: the child is gone for good
        }
        catch (Exception crash) when (crash is not ProcessKilledSignal)
        {
            Context.Send(Self, new RetryDynamicRestart(spec, index)); // try again later, counted against the intensity
        }
    }

    private async Task<object?> StartChildAsync(ChildSpec spec)
    {
        if (options.MaxChildren is { } max && _children.Count >= max)
        {
            return new SupervisorException(new Atom("max_children"), spec.Id);
        }

        try
        {
            var pid = await spec.Start(Context).ConfigureAwait(false);
            _children.Add((pid, spec));
            return pid;
        }
        catch (StartFailedException failed) when (failed.Ignored)
        {
            return null;
        }
        catch (StartFailedException failed)
        {
            return failed;
        }
        catch (Exception crash) when (crash is not ProcessKilledSignal)
        {
            return new StartFailedException(crash);
        }
    }

    private async Task<object?> TerminateChildAsync(Pid pid)
    {
        var index = _children.FindIndex(c => c.Pid == pid);
        if (index < 0)
        {
            return new SupervisorException(new Atom("not_found"), pid);
        }

        var spec = _children[index].Spec;
        _children.RemoveAt(index);
        await ChildShutdown.StopAsync(Context, pid, spec.EffectiveShutdown).ConfigureAwait(false);
        return null;
    }

    private sealed record RetryDynamicRestart(ChildSpec Spec, int Index);
}
