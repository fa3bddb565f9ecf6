namespace Otp;

/// <summary>Fire-and-forget tasks: Elixir's <c>Task.start_link</c>, <c>Task.start</c> and <c>Task.child_spec</c> (see <see cref="OtpTask"/>).</summary>
public static partial class OtpTask
{
    /// <summary>
    /// <c>Task.start_link/1</c>: runs <paramref name="fun"/> in a new process linked to <paramref name="parent"/>, for its side
    /// effects; nothing replies. Meant for a supervised worker (<see cref="ChildSpec(Func{ProcessContext, Task}, object?)"/>):
    /// the supervisor is the parent. Returns at once (a completed task, so it fits a child spec's start).
    /// </summary>
    /// <param name="parent">The starting process (a supervisor, usually).</param>
    /// <param name="fun">The work; it runs on the task's process.</param>
    public static Task<Pid> StartLinkAsync(ProcessContext parent, Func<ProcessContext, Task> fun)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(fun);
        return Task.FromResult(parent.Node.SpawnProcess(TaskBody.NoReply(fun), parent.Process, link: true).Process.Pid);
    }

    /// <summary><c>Task.start/1</c>: runs <paramref name="fun"/> in a new process linked to nobody, for its side effects.</summary>
    /// <param name="parent">The starting process.</param>
    /// <param name="fun">The work.</param>
    public static Task<Pid> StartAsync(ProcessContext parent, Func<ProcessContext, Task> fun)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(fun);
        return Task.FromResult(parent.Node.SpawnProcess(TaskBody.NoReply(fun), parent.Process, link: false).Process.Pid);
    }

    /// <summary><c>Task.start/1</c> from outside any process.</summary>
    /// <param name="node">The node to run on.</param>
    /// <param name="fun">The work.</param>
    public static Task<Pid> StartAsync(Node node, Func<ProcessContext, Task> fun)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(fun);
        return Task.FromResult(node.SpawnProcess(TaskBody.NoReply(fun), null, link: false).Process.Pid);
    }

    /// <summary>
    /// <c>Task.child_spec/1</c>: a worker started with <see cref="StartLinkAsync(ProcessContext, Func{ProcessContext, Task})"/>,
    /// <c>restart: :temporary</c> as in Elixir (give it <c>with { Restart = RestartType.Transient }</c> to have it retried until it
    /// ends normally). The id is <c>typeof(OtpTask)</c> (Elixir's <c>Task</c>) unless given: two tasks under one supervisor need ids of their own.
    /// </summary>
    /// <param name="fun">The work.</param>
    /// <param name="id">The child's id; <c>typeof(OtpTask)</c> if null.</param>
    public static ChildSpec ChildSpec(Func<ProcessContext, Task> fun, object? id = null)
    {
        ArgumentNullException.ThrowIfNull(fun);
        return Otp.ChildSpec.Worker(id ?? typeof(OtpTask), ctx => StartLinkAsync(ctx, fun)) with { Restart = RestartType.Temporary };
    }
}
