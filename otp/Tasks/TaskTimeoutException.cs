namespace Otp;

/// <summary>
/// A task did not reply in time: what Elixir's <c>Task.await</c>, <c>Task.await_many</c> and <c>Task.async_stream</c>
/// (with <c>on_timeout: :exit</c>) exit the caller with, <c>{:timeout, {Task, ...}}</c>. Here it is thrown instead; uncaught,
/// it ends the calling process, and the link then takes the task down as in Elixir. Caught, the task keeps running
/// (stop it with <see cref="OtpTask.ShutdownAsync{T}"/>); a late reply is dropped.
/// </summary>
public sealed class TaskTimeoutException : TimeoutException, IExitReason
{
    /// <summary>Creates the exception.</summary>
    /// <param name="task">The task that did not reply.</param>
    /// <param name="timeout">The time allowed.</param>
    public TaskTimeoutException(Pid task, TimeSpan timeout)
        : base($"The task {task} did not reply within {timeout.TotalMilliseconds} ms (timeout). Is it stuck, or is the timeout too short for its work?")
    {
        Task = task;
        Timeout = timeout;
    }

    /// <summary>The task that did not reply.</summary>
    public Pid Task { get; }

    /// <summary>The time allowed.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Always <c>timeout</c>.</summary>
    public object Reason => ExitReason.Timeout;
}
