using System;
using System.Threading.Tasks;

namespace GenServers;

/// <summary>Starts generic servers (Erlang's <c>gen_server:start</c>, Elixir's <c>GenServer.start</c>).</summary>
public static class GenServer
{
    /// <summary>
    /// Starts a server that runs the given callback module: a loop on the thread pool that owns a mailbox and the
    /// state. <see cref="IGenServer{TState, TCall, TReply, TCast}.Init"/> runs exactly once, on that loop (never on
    /// the caller's thread), and the returned task completes only once it has: when you hold a server, it is
    /// initialised and ready for messages.
    /// </summary>
    /// <typeparam name="TState">The type of the server's state.</typeparam>
    /// <typeparam name="TCall">The type of the requests sent with <c>CallAsync</c>.</typeparam>
    /// <typeparam name="TReply">The type of the replies to those requests.</typeparam>
    /// <typeparam name="TCast">The type of the requests sent with <c>Cast</c>.</typeparam>
    /// <param name="callbacks">The callback module; not null.</param>
    /// <param name="timeProvider">The server's clock, used to measure call timeouts; <see cref="TimeProvider.System"/> when null.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callbacks"/> is null.</exception>
    /// <exception cref="Exception">
    /// Whatever <c>Init</c> threw (the very same exception): the server did not start, and nothing is left running
    /// (Erlang's <c>gen_server:start</c> returns <c>{error, Reason}</c>).
    /// </exception>
    public static Task<Server<TCall, TReply, TCast>> StartAsync<TState, TCall, TReply, TCast>(
        IGenServer<TState, TCall, TReply, TCast> callbacks, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(callbacks);
        return Server<TCall, TReply, TCast>.StartAsync(callbacks, timeProvider ?? TimeProvider.System);
    }
}
