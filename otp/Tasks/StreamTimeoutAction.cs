namespace Otp;

/// <summary>What an async stream does when a task exceeds its time: Elixir's <c>:on_timeout</c> option.</summary>
public enum StreamTimeoutAction
{
    /// <summary><c>:exit</c> (the default): the enumeration throws <see cref="TaskTimeoutException"/> and every running task is killed.</summary>
    Exit,

    /// <summary><c>:kill_task</c>: the late task is killed and the stream emits <c>{:exit, :timeout}</c> for it, then goes on.</summary>
    KillTask,
}
