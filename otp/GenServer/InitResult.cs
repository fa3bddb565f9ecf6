namespace Otp;

/// <summary>
/// What <c>Init</c> returns: <c>{ok, State}</c>, <c>{ok, State, Timeout | {continue, Arg}}</c>, <c>ignore</c> or <c>{stop, Reason}</c>.
/// Build it with <see cref="GenServer{TState}"/>'s helpers (<c>Ok</c>, <c>Ignore</c>, <c>StopInit</c>) or the static members here.
/// </summary>
/// <typeparam name="TState">The server's state.</typeparam>
public readonly struct InitResult<TState>
{
    private InitResult(InitOutcome outcome, TState state, object? reason, TimeSpan? timeout, object? continueWith)
    {
        Outcome = outcome;
        State = state;
        Reason = reason;
        Timeout = timeout;
        Continue = continueWith;
    }

    internal InitOutcome Outcome { get; }

    internal TState State { get; }

    internal object? Reason { get; }

    internal TimeSpan? Timeout { get; }

    internal object? Continue { get; }

    /// <summary><c>{ok, State}</c>: the server starts with <paramref name="state"/>.</summary>
    /// <param name="state">The initial state.</param>
    public static InitResult<TState> Ok(TState state) => new(InitOutcome.Ok, state, null, null, null);

    /// <summary><c>ignore</c>: the start returns without a server (the process exits normal; a supervisor keeps the child unstarted).</summary>
    public static InitResult<TState> Ignore() => new(InitOutcome.Ignore, default!, null, null, null);

    /// <summary><c>{stop, Reason}</c>: the start fails with <paramref name="reason"/> and the process exits with it; terminate is not called.</summary>
    /// <param name="reason">The exit reason.</param>
    public static InitResult<TState> Stop(object reason) => new(InitOutcome.Stop, default!, reason ?? throw new ArgumentNullException(nameof(reason)), null, null);

    /// <summary><c>{ok, State, Timeout}</c>: HandleInfo gets <see cref="ExitReason.Timeout"/> if no message comes within <paramref name="timeout"/>.</summary>
    /// <param name="timeout">The idle timeout.</param>
    public InitResult<TState> WithTimeout(TimeSpan timeout) => new(Outcome, State, Reason, timeout, null);

    /// <summary><c>{ok, State, {continue, Arg}}</c>: HandleContinue runs with <paramref name="argument"/> before any message, after the starter is released.</summary>
    /// <param name="argument">The continue argument.</param>
    public InitResult<TState> WithContinue(object argument) => new(Outcome, State, Reason, null, argument ?? throw new ArgumentNullException(nameof(argument)));
}

/// <summary>The three kinds of init result.</summary>
internal enum InitOutcome
{
    Ok,
    Ignore,
    Stop,
}
