namespace Otp;

/// <summary>What <see cref="OtpTask.YieldManyAsync{T}(IEnumerable{OtpTask{T}}, YieldManyOptions, CancellationToken)"/> does with the tasks still running when its time runs out: Elixir's <c>:on_timeout</c> option of <c>Task.yield_many/2</c>.</summary>
public enum YieldTimeoutAction
{
    /// <summary><c>:nothing</c> (the default): they go on and can still be awaited, yielded, ignored or shut down.</summary>
    Nothing,

    /// <summary><c>:ignore</c>: they go on, but their results are dropped (<see cref="OtpTask.Ignore{T}"/>).</summary>
    Ignore,

    /// <summary><c>:kill_task</c>: they are killed (<see cref="OtpTask.ShutdownAsync{T}"/> with brutal kill).</summary>
    KillTask,
}
