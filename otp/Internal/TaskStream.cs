using System.Runtime.CompilerServices;

namespace Otp;

/// <summary>
/// The engine of <c>Task.async_stream</c>: keeps up to MaxConcurrency tasks running, collects their replies, DOWN messages and
/// time-outs from the owner's mailbox, and yields results in input order (buffering early ones) or as they come.
/// <paramref name="start"/> starts one task for an item (linked, or under a task supervisor) and returns its pid and monitor.
/// </summary>
internal sealed class TaskStream<TIn, TOut>(ProcessContext owner, AsyncStreamOptions options, Func<TIn, TaskTag, ValueTask<(Pid Pid, MonitorRef Ref)>> start)
{
    private readonly Dictionary<TaskTag, Running> _running = [];
    private readonly Dictionary<long, TaskResult<TOut>> _early = []; // ordered mode: finished before their turn
    private bool _exhausted;

    /// <summary>The stream: each enumeration runs its own tasks, as enumerating an Elixir stream twice does.</summary>
    public static IAsyncEnumerable<TaskResult<TOut>> Create(
        ProcessContext owner, AsyncStreamOptions options, IEnumerable<TIn> source, Func<TIn, TaskTag, ValueTask<(Pid Pid, MonitorRef Ref)>> start)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrency, 1, nameof(options));
        return Enumerate(owner, options, source, start);
    }

    private static async IAsyncEnumerable<TaskResult<TOut>> Enumerate(
        ProcessContext owner,
        AsyncStreamOptions options,
        IEnumerable<TIn> source,
        Func<TIn, TaskTag, ValueTask<(Pid Pid, MonitorRef Ref)>> start,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var result in new TaskStream<TIn, TOut>(owner, options, start).RunAsync(source, cancellationToken).ConfigureAwait(false))
        {
            yield return result;
        }
    }

    private async IAsyncEnumerable<TaskResult<TOut>> RunAsync(IEnumerable<TIn> source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var group = new object();
        using var items = source.GetEnumerator();
        long started = 0;
        long emitted = 0;
        try
        {
            started = await FillAsync(items, group, started).ConfigureAwait(false);
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
                started = await FillAsync(items, group, started).ConfigureAwait(false); // a slot is free: start the next item before emitting
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
            foreach (var (tag, task) in _running)
            {
                task.Timer?.Dispose();
                tag.Close();
                owner.Unlink(task.Pid);
                owner.Exit(task.Pid, ExitReason.Kill);
                owner.Demonitor(task.Ref, flush: true);
            }

            _running.Clear();
            await FlushAsync(group).ConfigureAwait(false);
        }
    }

    /// <summary>Starts tasks for the next items until MaxConcurrency run or the items run out; returns the count started so far.</summary>
    private async ValueTask<long> FillAsync(IEnumerator<TIn> items, object group, long started)
    {
        while (!_exhausted && _running.Count < options.MaxConcurrency)
        {
            if (!items.MoveNext())
            {
                _exhausted = true;
                break;
            }

            var tag = new TaskTag(group);
            var (pid, monitor) = await start(items.Current, tag).ConfigureAwait(false);
            _running[tag] = new Running(started++, pid, monitor, StartTimer(tag));
        }

        return started;
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

                owner.Unlink(task.Pid);
                owner.Exit(task.Pid, ExitReason.Kill);
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

    private sealed record Running(long Index, Pid Pid, MonitorRef Ref, ITimer? Timer);
}
