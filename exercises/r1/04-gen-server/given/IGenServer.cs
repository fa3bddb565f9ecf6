using System;

namespace GenServers;

/// <summary>
/// A callback module: the code that makes one server different from every other. The generic part (the loop, the
/// mailbox, replies, timeouts, crashes) is in <see cref="Server{TCall, TReply, TCast}"/> and is written once; a
/// callback module only says what to do with each kind of message. This is Erlang's <c>gen_server</c> behaviour and
/// Elixir's <c>use GenServer</c>.
/// </summary>
/// <remarks>
/// The callbacks run on the server, one message at a time, and never touch the server itself: each one takes the
/// current state and returns the next one. Every argument and every result is either about the message or about the
/// state, which is why the callbacks are easy to test without starting a server at all.
/// A callback that throws crashes the server.
/// </remarks>
/// <typeparam name="TState">The state the server carries from one message to the next.</typeparam>
/// <typeparam name="TCall">The requests a client sends with <see cref="Server{TCall, TReply, TCast}.CallAsync"/>.</typeparam>
/// <typeparam name="TReply">The replies to those requests.</typeparam>
/// <typeparam name="TCast">The requests a client sends with <see cref="Server{TCall, TReply, TCast}.Cast"/>.</typeparam>
public interface IGenServer<TState, TCall, TReply, TCast>
{
    /// <summary>
    /// Builds the first state. Runs once, on the server, before any message is handled; the starter waits for it.
    /// Erlang: <c>init(Args) -&gt; {ok, State}</c>. Throwing here is <c>{stop, Reason}</c>: the server does not start.
    /// </summary>
    /// <returns>The initial state.</returns>
    TState Init();

    /// <summary>
    /// Handles a synchronous request: the caller waits for the reply.
    /// Erlang: <c>handle_call(Request, From, State) -&gt; {reply, Reply, NewState}</c>. There is no <c>From</c> here,
    /// because the server sends the reply for you; the tuple becomes a C# tuple.
    /// </summary>
    /// <param name="request">The request, as the client passed it to <c>CallAsync</c>.</param>
    /// <param name="state">The current state.</param>
    /// <returns>The reply to send back to the caller, and the next state.</returns>
    (TReply Reply, TState State) HandleCall(TCall request, TState state);

    /// <summary>
    /// Handles an asynchronous request: the client did not wait, and gets no reply.
    /// Erlang: <c>handle_cast(Request, State) -&gt; {noreply, NewState}</c>.
    /// </summary>
    /// <param name="request">The request, as the client passed it to <c>Cast</c>.</param>
    /// <param name="state">The current state.</param>
    /// <returns>The next state.</returns>
    TState HandleCast(TCast request, TState state);

    /// <summary>
    /// Handles any other message: one sent to the server with <c>Send</c>, not through the call or cast protocol
    /// (a timer's tick, a notice from another process, a stray message).
    /// Erlang: <c>handle_info(Info, State) -&gt; {noreply, NewState}</c>. Its argument is an <see cref="object"/>,
    /// because anybody can send anything.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="state">The current state.</param>
    /// <returns>The next state.</returns>
    TState HandleInfo(object message, TState state);
}
