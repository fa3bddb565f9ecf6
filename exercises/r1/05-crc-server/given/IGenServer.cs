namespace CrcServer;

// Given: the GenServer behaviour, copied from exercise 04 so that this exercise stands alone. Nothing to change here.

/// <summary>
/// The callbacks of a GenServer (Elixir's <c>@behaviour GenServer</c>): the code that is special to one server.
/// The generic part (the loop, the mailbox, replies, timeouts) is <see cref="GenServer"/> and <see cref="Server{TCall, TReply, TCast}"/>.
/// Every callback runs on the server's own loop, one message at a time. A callback that throws crashes the server.
/// </summary>
/// <typeparam name="TState">The server's state, carried from one message to the next.</typeparam>
/// <typeparam name="TCall">The requests that get a reply (<c>handle_call</c>).</typeparam>
/// <typeparam name="TReply">The replies to calls.</typeparam>
/// <typeparam name="TCast">The requests that get no reply (<c>handle_cast</c>).</typeparam>
public interface IGenServer<TState, TCall, TReply, TCast>
{
    /// <summary><c>init/1</c>: builds the first state. Runs on the server's loop before any message.</summary>
    /// <returns>The initial state.</returns>
    TState Init();

    /// <summary><c>handle_call/3</c>: answers a request and computes the next state.</summary>
    /// <param name="request">The request.</param>
    /// <param name="state">The current state.</param>
    /// <returns>The reply to send to the caller, and the next state (<c>{:reply, reply, new_state}</c>).</returns>
    (TReply Reply, TState State) HandleCall(TCall request, TState state);

    /// <summary><c>handle_cast/2</c>: handles a request nobody waits for.</summary>
    /// <param name="request">The request.</param>
    /// <param name="state">The current state.</param>
    /// <returns>The next state (<c>{:noreply, new_state}</c>).</returns>
    TState HandleCast(TCast request, TState state);

    /// <summary><c>handle_info/2</c>: handles any other message, sent with <see cref="Server{TCall, TReply, TCast}.Send"/>.</summary>
    /// <param name="message">The message.</param>
    /// <param name="state">The current state.</param>
    /// <returns>The next state.</returns>
    TState HandleInfo(object message, TState state);
}
