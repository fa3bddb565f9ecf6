namespace Otp;

/// <summary>
/// What a GenServer callback returns: <c>{reply, Reply, State}</c>, <c>{noreply, State}</c>, <c>{stop, Reason, State}</c>
/// or <c>{stop, Reason, Reply, State}</c>, optionally with a timeout or <c>{continue, Arg}</c>.
/// Build it with <see cref="GenServer{TState}"/>'s helpers (<c>Reply</c>, <c>NoReply</c>, <c>Stop</c>) or the static members here.
/// A reply is only valid from HandleCall; anywhere else the server exits with <c>(bad_return_value, Result)</c>.
/// </summary>
/// <typeparam name="TState">The server's state.</typeparam>
public readonly struct HandleResult<TState>
{
    private HandleResult(HandleOutcome outcome, TState state, object? reply, bool hasReply, object? reason, TimeSpan? timeout, object? continueWith)
    {
        Outcome = outcome;
        State = state;
        ReplyValue = reply;
        HasReply = hasReply;
        Reason = reason;
        Timeout = timeout;
        Continue = continueWith;
    }

    internal HandleOutcome Outcome { get; }

    internal TState State { get; }

    internal object? ReplyValue { get; }

    internal bool HasReply { get; }

    internal object? Reason { get; }

    internal TimeSpan? Timeout { get; }

    internal object? Continue { get; }

    /// <summary><c>{reply, Reply, State}</c>: answer the caller now.</summary>
    /// <param name="reply">The reply.</param>
    /// <param name="state">The new state.</param>
    public static HandleResult<TState> Reply(object? reply, TState state) => new(HandleOutcome.Continue, state, reply, true, null, null, null);

    /// <summary><c>{noreply, State}</c>: nothing to answer (a cast, an info), or answer later with <see cref="GenServer.Reply"/>.</summary>
    /// <param name="state">The new state.</param>
    public static HandleResult<TState> NoReply(TState state) => new(HandleOutcome.Continue, state, null, false, null, null, null);

    /// <summary><c>{stop, Reason, State}</c>: terminate is called with <paramref name="reason"/>, then the process exits with it.</summary>
    /// <param name="reason">The exit reason.</param>
    /// <param name="state">The state terminate receives.</param>
    public static HandleResult<TState> Stop(object reason, TState state) =>
        new(HandleOutcome.Stop, state, null, false, reason ?? throw new ArgumentNullException(nameof(reason)), null, null);

    /// <summary><c>{stop, Reason, Reply, State}</c>: terminate is called, then the caller gets <paramref name="reply"/>, then the process exits.</summary>
    /// <param name="reason">The exit reason.</param>
    /// <param name="reply">The reply.</param>
    /// <param name="state">The state terminate receives.</param>
    public static HandleResult<TState> StopAndReply(object reason, object? reply, TState state) =>
        new(HandleOutcome.Stop, state, reply, true, reason ?? throw new ArgumentNullException(nameof(reason)), null, null);

    /// <summary>
    /// Adds an idle timeout (<c>{..., Timeout}</c>): if no message arrives within <paramref name="timeout"/>, HandleInfo gets
    /// <see cref="ExitReason.Timeout"/>. Any message cancels it. Zero fires at once if the mailbox is empty.
    /// </summary>
    /// <param name="timeout">The idle timeout.</param>
    public HandleResult<TState> WithTimeout(TimeSpan timeout) => new(Outcome, State, ReplyValue, HasReply, Reason, timeout, null);

    /// <summary>Adds <c>{continue, Arg}</c>: HandleContinue runs with <paramref name="argument"/> before the next message (after the reply is sent).</summary>
    /// <param name="argument">The continue argument.</param>
    public HandleResult<TState> WithContinue(object argument) =>
        new(Outcome, State, ReplyValue, HasReply, Reason, null, argument ?? throw new ArgumentNullException(nameof(argument)));

    /// <summary>Erlang's notation of the result, for error messages.</summary>
    public override string ToString() => Outcome == HandleOutcome.Stop
        ? $"{{stop, {Reason}, {State}}}"
        : HasReply ? $"{{reply, {ReplyValue}, {State}}}" : $"{{noreply, {State}}}";
}

/// <summary>Whether the server goes on or stops.</summary>
internal enum HandleOutcome
{
    Continue,
    Stop,
}
