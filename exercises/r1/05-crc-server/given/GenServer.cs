using System;
using System.Threading.Tasks;

namespace CrcServer;

// Given: copied from exercise 04. Nothing to change here.

/// <summary>Starts GenServers (Elixir's <c>GenServer.start/2</c>).</summary>
public static class GenServer
{
    /// <summary>
    /// Starts a server that drives <paramref name="callbacks"/>: it runs <c>Init</c> on the server's own loop, then
    /// handles one message at a time. Completes once <c>Init</c> has returned, so the server is ready when you get it.
    /// </summary>
    /// <typeparam name="TState">The server's state.</typeparam>
    /// <typeparam name="TCall">The requests that get a reply.</typeparam>
    /// <typeparam name="TReply">The replies.</typeparam>
    /// <typeparam name="TCast">The requests that get no reply.</typeparam>
    /// <param name="callbacks">The server's callbacks.</param>
    /// <param name="timeProvider">The clock call timeouts are measured on; <see cref="TimeProvider.System"/> when null.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="Exception">Whatever <c>Init</c> threw: a server whose init fails never runs.</exception>
    public static async Task<Server<TCall, TReply, TCast>> StartAsync<TState, TCall, TReply, TCast>(
        IGenServer<TState, TCall, TReply, TCast> callbacks, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(callbacks);
        var (server, initialized) = Server<TCall, TReply, TCast>.Start(callbacks, timeProvider ?? TimeProvider.System);
        await initialized;
        return server;
    }
}
