using System.Runtime.CompilerServices;

namespace Otp;

/// <summary>
/// The engine of <c>Task.async_stream</c>: keeps up to MaxConcurrency tasks running, collects their replies, DOWN messages and
/// time-outs from the owner's mailbox, and yields results in input order (buffering early ones) or as they come.
/// <paramref name="start"/> starts one task for an item and returns its pid and the owner's monitor of it; for a linked stream
/// it gets the process to link the task to. As in Elixir, a linked stream's tasks are linked to an intermediate process (the
/// "link holder") that is linked to the owner and traps exits if the owner does: a crashed task still takes an owner that does
/// not trap exits down with it, but an owner that traps finds no EXIT of the stream's tasks in its mailbox (it learns of each
/// task's end from its own monitor).
/// </summary>
internal sealed class TaskStream<TIn, TOut>(ProcessContext owner, AsyncStreamOptions options, bool linked, Func<TIn, TaskTag, Process?, ValueTask<(Pid Pid, MonitorRef Ref)>> start)
{
    private readonly Dictionary<TaskTag, Running> _running = [];
    private readonly Dictionary<long, TaskResult<TOut>> _early = []; // ordered mode: finished before their turn
    private bool _exhausted;

    /// <summary>The stream: each enumeration runs its own tasks, as enumerating an Elixir stream twice does.</summary>
    /// <remarks>The options are checked here, when the stream is made, before any process starts.</remarks>
    public static IAsyncEnumerable<TaskResult<TOut>> Create(
        ProcessContext owner, AsyncStreamOptions? options, IEnumerable<TIn> source, bool linked, Func<TIn, TaskTag, Process?, ValueTask<(Pid Pid, MonitorRef Ref)>> start)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(source);
        return Enumerate(owner, AsyncStreamOptions.Validate(options), source, linked, start);
    }

    private static async IAsyncEnumerable<TaskResult<TOut>> Enumerate(
        ProcessContext owner,
        AsyncStreamOptions options,
        IEnumerable<TIn> source,
        bool linked,
        Func<TIn, TaskTag, Process?, ValueTask<(Pid Pid, MonitorRef Ref)>> start,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var result in new TaskStream<TIn, TOut>(owner, options, linked, start).RunAsync(source, cancellationToken).ConfigureAwait(false))
        {
            yield return result;
        }
    }

    private async IAsyncEnumerable<TaskResult<TOut>> RunAsync(IEnumerable<TIn> source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var group = new object();
        var linker = linked ? StartLinkHolder() : null;
        using var items = source.GetEnumerator();
        long started = 0;
        long emitted = 0;
        try
        {
            started = await FillAsync(items, group, linker, started).ConfigureAwait(false);
            while (true)
            {
                while (_early.Remove(emitted, out var next))
                {
                    emitted++;
                    yield return next;
                }

                if (_exhausted && _running.Count == 0)
                {
                    yield break;
                }

                var (index, result) = await NextResultAsync(cancellationToken).ConfigureAwait(false);
                started = await FillAsync(items, group, linker, started).ConfigureAwait(false); // a slot is free: start the next item before emitting
                if (options.Ordered)
                {
                    _early[index] = result;
                }
                else
                {
                    emitted++;
                    yield return result;
                }
            }
        }
        finally
        {
            // Stopped early, failed, or the owner is going down: as in Elixir, the tasks still running die with the stream.
            // The owner lets go of the link holder first, so that the kills reach it as nothing more than EXITs of its own.
            if (linker is not null)
            {
                owner.Unlink(linker.Pid);
            }

            foreach (var (tag, task) in _running)
            {
                task.Timer?.Dispose();
                tag.Close();
                owner.Exit(task.Pid, ExitReason.Kill);
                owner.Demonitor(task.Ref, flush: true);
            }

            _running.Clear();
            if (linker is not null)
            {
                owner.Exit(linker.Pid, ExitReason.Kill);
            }

            await FlushAsync(group).ConfigureAwait(false);
        }
    }

    /// <summary>Starts tasks for the next items until MaxConcurrency run or the items run out; returns the count started so far.</summary>
    private async ValueTask<long> FillAsync(IEnumerator<TIn> items, object group, Process? linker, long started)
    {
        while (!_exhausted && _running.Count < options.MaxConcurrency)
        {
            if (!items.MoveNext())
            {
                _exhausted = true;
                break;
            }

            var tag = new TaskTag(group);
            var (pid, monitor) = await start(items.Current, tag, linker).ConfigureAwait(false);
            _running[tag] = new Running(started++, pid, monitor, StartTimer(tag), linker);
        }

        return started;
    }

    /// <summary>Spawns the link holder, linked to the owner and trapping exits as the owner does, before any task exists.</summary>
    private Process StartLinkHolder()
    {
        var ownerPid = owner.Self;
        var (holder, _) = owner.Node.SpawnProcess(ctx => HoldLinksAsync(ctx, ownerPid), owner.Process, link: true);
        holder.TrapExit = owner.TrapExit;
        return holder;
    }

    /// <summary>
    /// The link holder's loop: drops the EXITs of the tasks (when trapping), goes down with the owner, and kills a task
    /// the owner gave up on (unlinking it first, so that the kill does not come back to it).
    /// </summary>
    private static async Task HoldLinksAsync(ProcessContext ctx, Pid owner)
    {
        ctx.Process.Behaviour = "task_stream";
        while (true)
        {
            switch (await ctx.ReceiveAsync().ConfigureAwait(false))
            {
                case ExitMessage exit when exit.From == owner:
                    ctx.Exit(exit.Reason); // the links then take the tasks down too
                    break;
                case StreamKillTask kill:
                    ctx.Unlink(kill.Pid);
                    ctx.Exit(kill.Pid, ExitReason.Kill);
                    break;
            }
        }
    }

    private async Task<(long Index, TaskResult<TOut> Result)> NextResultAsync(CancellationToken cancellationToken)
    {
        var message = await owner.ReceiveAsync(IsMine, Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        switch (message)
        {
            case TaskReply reply:
                return (Finish(reply.Tag).Index, TaskResult<TOut>.Ok((TOut)reply.Value!));
            case DownMessage down:
                var crashed = _running.First(r => r.Value.Ref == down.Ref).Key;
                return (Finish(crashed).Index, TaskResult<TOut>.Exit(down.Reason));
            default:
                var late = ((StreamTaskTimeout)message!).Tag;
                var task = _running[late];
                if (options.OnTimeout == StreamTimeoutAction.Exit)
                {
                    throw new TaskTimeoutException(task.Pid, options.Timeout); // the finally block kills every running task
                }

                if (linked)
                {
                    owner.Send(task.Linker!.Pid, new StreamKillTask(task.Pid));
                }
                else
                {
                    owner.Exit(task.Pid, ExitReason.Kill);
                }

                Finish(late);
                return (task.Index, TaskResult<TOut>.Exit(ExitReason.Timeout));
        }
    }

    private bool IsMine(object message) => message switch
    {
        TaskReply reply => _running.ContainsKey(reply.Tag),
        DownMessage down => _running.Values.Any(r => r.Ref == down.Ref),
        StreamTaskTimeout timeout => _running.ContainsKey(timeout.Tag),
        _ => false,
    };

    /// <summary>The task is done with: forget it, stop its timer, drop its monitor and any DOWN or reply still to come.</summary>
    private Running Finish(TaskTag tag)
    {
        _running.Remove(tag, out var task);
        task!.Timer?.Dispose();
        tag.Close();
        owner.Demonitor(task.Ref, flush: true);
        return task;
    }

    private ITimer? StartTimer(TaskTag tag)
    {
        if (options.Timeout == Timeout.InfiniteTimeSpan)
        {
            return null;
        }

        var node = owner.Node;
        var self = owner.Self;
        return node.Time.CreateTimer(_ => node.Send(self, new StreamTaskTimeout(tag)), null, options.Timeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Removes replies and time-outs of this stream that arrived after their task was done with.</summary>
    private async Task FlushAsync(object group)
    {
        if (!owner.Node.IsAlive(owner.Self))
        {
            return;
        }

        while (await owner.ReceiveAsync(
            m => (m is TaskReply reply && reply.Tag.Group == group) || (m is StreamTaskTimeout timeout && timeout.Tag.Group == group),
            TimeSpan.Zero).ConfigureAwait(false) is not null)
        {
        }
    }

    private sealed record Running(long Index, Pid Pid, MonitorRef Ref, ITimer? Timer, Process? Linker);
}
