namespace Otp;

/// <summary>
/// Looking inside a running server, for debugging and teaching: OTP's <c>sys</c> module (Elixir's <c>:sys</c>).
/// Works on GenServers (and behaviours built on them); the request is a system message, so no callback runs.
/// </summary>
public static class Sys
{
    /// <summary><c>sys:get_state/2</c>: the server's current state. Fails like a call (timeout, noproc, exit).</summary>
    /// <typeparam name="TState">The state's type (the state is cast to it).</typeparam>
    /// <param name="node">The node the server runs on.</param>
    /// <param name="server">A pid or a name.</param>
    /// <param name="timeout">How long to wait (default 5 s).</param>
    public static Task<TState> GetStateAsync<TState>(Node node, ServerRef server, TimeSpan? timeout = null) =>
        GenServer.RequestAsync<TState>(node, null, server, ExitReason.Normal, static (_, from) => new SysGetState(from), timeout, default);

    /// <summary>
    /// <c>sys:replace_state/3</c>: runs <paramref name="replace"/> on the state inside the server and keeps its result,
    /// which is returned. If <paramref name="replace"/> throws, the state is unchanged and this throws the exception.
    /// </summary>
    /// <typeparam name="TState">The state's type.</typeparam>
    /// <param name="node">The node the server runs on.</param>
    /// <param name="server">A pid or a name.</param>
    /// <param name="replace">Computes the new state from the old one.</param>
    /// <param name="timeout">How long to wait (default 5 s).</param>
    public static Task<TState> ReplaceStateAsync<TState>(Node node, ServerRef server, Func<TState, TState> replace, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(replace);
        Func<object?, object?> untyped = state => replace((TState)state!);
        return GenServer.RequestAsync<TState>(node, null, server, untyped, static (r, from) => new SysReplaceState((Func<object?, object?>)r, from), timeout, default);
    }
}
