namespace Otp;

/// <summary>
/// Identifies one task's reply: what Elixir does with the monitor reference in <c>{ref, reply}</c>. It exists before the task
/// does, so the task can tag its reply without waiting for its own monitor. <see cref="Group"/> marks the tasks of one async stream.
/// </summary>
internal sealed class TaskTag(object? group = null)
{
    private volatile bool _closed;

    public object? Group { get; } = group;

    /// <summary>The owner stopped waiting (await timed out, shutdown, stream ended): the reply is no longer sent.</summary>
    public bool Closed => _closed;

    public void Close() => _closed = true;
}

/// <summary>A task's reply to its owner: Elixir's <c>{ref, reply}</c>.</summary>
internal sealed record TaskReply(TaskTag Tag, object? Value);

/// <summary>Sent by the owner of a supervised task once it has linked to or monitored it; the task starts its work then.</summary>
internal sealed record TaskGo(TaskTag Tag);

/// <summary>A task of an async stream ran out of time.</summary>
internal sealed record StreamTaskTimeout(TaskTag Tag);

/// <summary>Asks an async stream's link holder to unlink and kill a task that ran out of time.</summary>
internal sealed record StreamKillTask(Pid Pid);

/// <summary>The body every task process runs: wait for the go-ahead if supervised, run the function, reply to the owner.</summary>
internal static class TaskBody
{
    public static Func<ProcessContext, Task> Create<T>(TaskTag tag, Pid owner, Func<ProcessContext, Task<T>> fun, bool waitForGo) => async ctx =>
    {
        ctx.Process.Behaviour = "task";
        if (waitForGo)
        {
            await ctx.ReceiveAsync<TaskGo>(go => go.Tag == tag).ConfigureAwait(false);
        }

        var value = await fun(ctx).ConfigureAwait(false);
        if (!tag.Closed)
        {
            ctx.Send(owner, new TaskReply(tag, value));
        }
    };

    /// <summary>The body of a fire-and-forget task (Task.start, Task.start_link): no owner, no reply.</summary>
    public static Func<ProcessContext, Task> NoReply(Func<ProcessContext, Task> fun) => ctx =>
    {
        ctx.Process.Behaviour = "task";
        return fun(ctx);
    };

    public static Func<ProcessContext, Task<T>> FromFunc<T>(Func<T> fun)
    {
        ArgumentNullException.ThrowIfNull(fun);

        // () => SomethingAsync() binds here with T = Task<...>: the task would reply with an unfinished Task. Say so at once.
        if (typeof(Task).IsAssignableFrom(typeof(T)) || typeof(T) == typeof(ValueTask) || (typeof(T).IsGenericType && typeof(T).GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            throw new ArgumentException($"The function returns a {typeof(T).Name}; for asynchronous work pass an async function of the task's context: ctx => SomethingAsync().", nameof(fun));
        }

        return _ => Task.FromResult(fun());
    }
}
