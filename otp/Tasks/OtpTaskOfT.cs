namespace Otp;

/// <summary>
/// A running task: Elixir's <c>%Task{}</c> struct (<c>pid</c>, <c>ref</c>, <c>owner</c>). Made by <see cref="OtpTask.Async{T}(ProcessContext, Func{T})"/>
/// or a <see cref="TaskSupervisor"/>; its reply goes to the owner's mailbox, so only the owner's code may await, yield or shut it down,
/// and only once (a second await throws <see cref="InvalidOperationException"/>, where Elixir would wait in vain).
/// </summary>
/// <typeparam name="T">What the task's function returns.</typeparam>
public sealed class OtpTask<T>
{
    internal OtpTask(ProcessContext owner, Pid? pid, MonitorRef monitor, TaskTag tag)
    {
        OwnerContext = owner;
        Pid = pid;
        Ref = monitor;
        Tag = tag;
    }

    /// <summary>The task's process; null for a task made by <see cref="OtpTask.Completed{T}"/> (Elixir's <c>pid: nil</c>).</summary>
    public Pid? Pid { get; }

    /// <summary>The owner's monitor of the task (Elixir's <c>ref</c>).</summary>
    public MonitorRef Ref { get; }

    /// <summary>The process that started the task and gets its reply.</summary>
    public Pid Owner => OwnerContext.Self;

    internal ProcessContext OwnerContext { get; }

    internal TaskTag Tag { get; }

    /// <summary>Matches this task's reply or DOWN message in the owner's mailbox.</summary>
    internal bool IsMine(object message) =>
        (message is TaskReply reply && reply.Tag == Tag) || (message is DownMessage down && down.Ref == Ref);

    /// <summary>The owner no longer waits: drop the monitor (and a DOWN already queued) and tell the task not to reply.</summary>
    internal void Close()
    {
        Tag.Close();
        OwnerContext.Demonitor(Ref, flush: true);
    }

    internal void ThrowIfClosed()
    {
        if (Tag.Closed)
        {
            throw new InvalidOperationException($"The task {Pid} was already awaited or shut down; its result can be taken only once.");
        }
    }

    /// <summary>Elixir's notation.</summary>
    public override string ToString() => $"%Task{{pid: {Pid?.ToString() ?? "nil"}, owner: {Owner}}}";
}
