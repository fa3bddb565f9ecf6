namespace Otp;

/// <summary>
/// How a task ended, as <see cref="OtpTask.YieldAsync{T}"/>, <see cref="OtpTask.ShutdownAsync{T}"/> and
/// <see cref="OtpTask.AsyncStream{TIn, TOut}(ProcessContext, IEnumerable{TIn}, Func{TIn, TOut}, AsyncStreamOptions?)"/> report it:
/// Elixir's <c>{:ok, value}</c> or <c>{:exit, reason}</c>.
/// </summary>
/// <typeparam name="T">The task's result type.</typeparam>
public sealed class TaskResult<T>
{
    private TaskResult(bool ok, T value, object? reason)
    {
        IsOk = ok;
        Value = value;
        Reason = reason;
    }

    /// <summary>True for <c>{:ok, value}</c>: the task replied.</summary>
    public bool IsOk { get; }

    /// <summary>The reply, when <see cref="IsOk"/>; the default value otherwise.</summary>
    public T Value { get; }

    /// <summary>The exit reason for <c>{:exit, reason}</c> (an exception, <c>timeout</c>, <c>killed</c>...); null when <see cref="IsOk"/>.</summary>
    public object? Reason { get; }

    /// <summary><c>{:ok, value}</c>.</summary>
    /// <param name="value">The task's reply.</param>
    public static TaskResult<T> Ok(T value) => new(true, value, null);

    /// <summary><c>{:exit, reason}</c>.</summary>
    /// <param name="reason">Why the task ended without a reply.</param>
    public static TaskResult<T> Exit(object reason) => new(false, default!, reason ?? throw new ArgumentNullException(nameof(reason)));

    /// <summary>Equal when both are ok with equal values, or both exits with equal reasons.</summary>
    /// <param name="obj">The other result.</param>
    public override bool Equals(object? obj) =>
        obj is TaskResult<T> other && other.IsOk == IsOk && EqualityComparer<T>.Default.Equals(other.Value, Value) && Equals(other.Reason, Reason);

    /// <summary>A hash of the kind, value and reason.</summary>
    public override int GetHashCode() => HashCode.Combine(IsOk, Value, Reason);

    /// <summary>Elixir's notation: <c>{:ok, value}</c> or <c>{:exit, reason}</c>.</summary>
    public override string ToString() => IsOk ? $"{{:ok, {Value}}}" : $"{{:exit, {Reason}}}";
}
