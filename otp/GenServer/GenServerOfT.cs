namespace Otp;

/// <summary>
/// A generic server: OTP's <c>gen_server</c> behaviour (Elixir's <c>GenServer</c>). Subclass it, override the callbacks you
/// need, and start an instance with <see cref="GenServer.StartLinkAsync{TState}"/>. The state is passed in and returned,
/// as in OTP. Each callback comes as a pair: override the plain one (<c>HandleCall</c>) or the <c>...Async</c> one when it
/// must await; the async one calls the plain one by default. Callbacks run one at a time on the server's process.
/// </summary>
/// <typeparam name="TState">The server's state.</typeparam>
public abstract class GenServer<TState> : ISupervisable
{
    private ProcessContext? _context;

    /// <summary>The server's own process (<c>self()</c>): send, monitor, trap exits... Set before Init runs.</summary>
    protected ProcessContext Context => _context ?? throw new InvalidOperationException("The server has not been started.");

    /// <summary>The server's pid.</summary>
    protected Pid Self => Context.Self;

    /// <summary><c>init/1</c>: builds the initial state. Runs in the new process while the starter waits. An exception fails the start.</summary>
    protected virtual InitResult<TState> Init() =>
        throw new NotImplementedException($"{GetType().Name} must override Init or InitAsync.");

    /// <summary><c>init/1</c>, awaitable. Calls <see cref="Init"/> unless overridden.</summary>
    protected virtual ValueTask<InitResult<TState>> InitAsync() => new(Init());

    /// <summary>
    /// <c>handle_call/3</c>: a synchronous request. Reply now, or return NoReply and reply later through <paramref name="from"/>.
    /// By default the server stops with <c>(bad_call, Request)</c>, as Elixir's default does.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="from">The caller.</param>
    /// <param name="state">The current state.</param>
    protected virtual HandleResult<TState> HandleCall(object request, From from, TState state) =>
        Stop((new Atom("bad_call"), request), state);

    /// <summary><c>handle_call/3</c>, awaitable. Calls <see cref="HandleCall"/> unless overridden.</summary>
    /// <param name="request">The request.</param>
    /// <param name="from">The caller.</param>
    /// <param name="state">The current state.</param>
    protected virtual ValueTask<HandleResult<TState>> HandleCallAsync(object request, From from, TState state) =>
        new(HandleCall(request, from, state));

    /// <summary><c>handle_cast/2</c>: an asynchronous request. By default the server stops with <c>(bad_cast, Request)</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="state">The current state.</param>
    protected virtual HandleResult<TState> HandleCast(object request, TState state) =>
        Stop((new Atom("bad_cast"), request), state);

    /// <summary><c>handle_cast/2</c>, awaitable. Calls <see cref="HandleCast"/> unless overridden.</summary>
    /// <param name="request">The request.</param>
    /// <param name="state">The current state.</param>
    protected virtual ValueTask<HandleResult<TState>> HandleCastAsync(object request, TState state) =>
        new(HandleCast(request, state));

    /// <summary>
    /// <c>handle_info/2</c>: any other message (a DOWN, an EXIT while trapping, a plain send, the idle <see cref="ExitReason.Timeout"/>).
    /// By default it is ignored.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="state">The current state.</param>
    protected virtual HandleResult<TState> HandleInfo(object message, TState state) => NoReply(state);

    /// <summary><c>handle_info/2</c>, awaitable. Calls <see cref="HandleInfo"/> unless overridden.</summary>
    /// <param name="message">The message.</param>
    /// <param name="state">The current state.</param>
    protected virtual ValueTask<HandleResult<TState>> HandleInfoAsync(object message, TState state) =>
        new(HandleInfo(message, state));

    /// <summary><c>handle_continue/2</c>: work that follows a callback returning <c>{continue, Arg}</c>, before any new message.</summary>
    /// <param name="argument">The continue argument.</param>
    /// <param name="state">The current state.</param>
    protected virtual HandleResult<TState> HandleContinue(object argument, TState state) =>
        throw new NotImplementedException($"{GetType().Name} returned a continue but overrides neither HandleContinue nor HandleContinueAsync.");

    /// <summary><c>handle_continue/2</c>, awaitable. Calls <see cref="HandleContinue"/> unless overridden.</summary>
    /// <param name="argument">The continue argument.</param>
    /// <param name="state">The current state.</param>
    protected virtual ValueTask<HandleResult<TState>> HandleContinueAsync(object argument, TState state) =>
        new(HandleContinue(argument, state));

    /// <summary>
    /// <c>terminate/2</c>: called as OTP calls it: when a callback returns stop, when a callback throws, on
    /// <see cref="GenServer.StopAsync(Node, ServerRef, object?, TimeSpan?, CancellationToken)"/>, and on an exit signal from the parent if the server traps exits.
    /// Not called when the server is killed or an exit signal ends it while it does not trap exits.
    /// </summary>
    /// <param name="reason">Why the server stops (an exception when a callback threw).</param>
    /// <param name="state">The last state.</param>
    protected virtual void Terminate(object reason, TState state)
    {
    }

    /// <summary><c>terminate/2</c>, awaitable. Calls <see cref="Terminate"/> unless overridden.</summary>
    /// <param name="reason">Why the server stops.</param>
    /// <param name="state">The last state.</param>
    protected virtual ValueTask TerminateAsync(object reason, TState state)
    {
        Terminate(reason, state);
        return ValueTask.CompletedTask;
    }

    /// <summary><c>{ok, State}</c> from Init.</summary>
    /// <param name="state">The initial state.</param>
    protected static InitResult<TState> Ok(TState state) => InitResult<TState>.Ok(state);

    /// <summary><c>ignore</c> from Init.</summary>
    protected static InitResult<TState> Ignore() => InitResult<TState>.Ignore();

    /// <summary><c>{stop, Reason}</c> from Init.</summary>
    /// <param name="reason">The exit reason.</param>
    protected static InitResult<TState> StopInit(object reason) => InitResult<TState>.Stop(reason);

    /// <summary><c>{reply, Reply, State}</c>.</summary>
    /// <param name="reply">The reply.</param>
    /// <param name="state">The new state.</param>
    protected static HandleResult<TState> Reply(object? reply, TState state) => HandleResult<TState>.Reply(reply, state);

    /// <summary><c>{noreply, State}</c>.</summary>
    /// <param name="state">The new state.</param>
    protected static HandleResult<TState> NoReply(TState state) => HandleResult<TState>.NoReply(state);

    /// <summary><c>{stop, Reason, State}</c>.</summary>
    /// <param name="reason">The exit reason.</param>
    /// <param name="state">The last state.</param>
    protected static HandleResult<TState> Stop(object reason, TState state) => HandleResult<TState>.Stop(reason, state);

    /// <summary><c>{stop, Reason, Reply, State}</c>.</summary>
    /// <param name="reason">The exit reason.</param>
    /// <param name="reply">The reply.</param>
    /// <param name="state">The last state.</param>
    protected static HandleResult<TState> StopAndReply(object reason, object? reply, TState state) =>
        HandleResult<TState>.StopAndReply(reason, reply, state);

    // The loop reaches the callbacks through these, so they can stay protected for subclasses.
    internal void Attach(ProcessContext context) => _context = context;

    Task<Pid> ISupervisable.StartLink(ProcessContext supervisor, ServerName? name) =>
        _context is null
            ? GenServer.StartLinkAsync(supervisor, this, name)
            : throw new InvalidOperationException($"{GetType().Name} was started before: a server instance runs once, so ChildSpec.For's function must return a new instance each time (() => new {GetType().Name}(...)).");

    internal ValueTask<InitResult<TState>> RunInit() => InitAsync();

    internal ValueTask<HandleResult<TState>> RunCall(object request, From from, TState state) => HandleCallAsync(request, from, state);

    internal ValueTask<HandleResult<TState>> RunCast(object request, TState state) => HandleCastAsync(request, state);

    internal ValueTask<HandleResult<TState>> RunInfo(object message, TState state) => HandleInfoAsync(message, state);

    internal ValueTask<HandleResult<TState>> RunContinue(object argument, TState state) => HandleContinueAsync(argument, state);

    internal ValueTask RunTerminate(object reason, TState state) => TerminateAsync(reason, state);
}
