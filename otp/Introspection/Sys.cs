namespace Otp;

/// <summary>
/// Looking inside a running server, for debugging and teaching: OTP's <c>sys</c> module (Elixir's <c>:sys</c>).
/// Works on GenServers (and behaviours built on them); the request is a system message, so no callback runs.
/// Each function has two forms: from inside a process (pass its <see cref="ProcessContext"/>) or from outside (pass the <see cref="Node"/>).
/// </summary>
public static class Sys
{
    private static readonly Func<object, From, object> s_getState = static (_, from) => new SysGetState(from);
    private static readonly Func<object, From, object> s_replaceState = static (replace, from) => new SysReplaceState((Func<object?, object?>)replace, from);

    /// <summary>
    /// <c>sys:get_state/2</c> from a process: the server's current state. Fails like a call: <see cref="CallTimeoutException"/>,
    /// <see cref="NoProcessException"/>, <see cref="ProcessExitedException"/>, or <see cref="CallingSelfException"/> when
    /// the caller is the server (OTP exits with <c>calling_self</c>).
    /// </summary>
    /// <typeparam name="TState">The state's type (the state is cast to it).</typeparam>
    /// <param name="caller">The calling process.</param>
    /// <param name="server">A pid or a name.</param>
    /// <param name="timeout">How long to wait (default 5 s, as OTP); <see cref="Timeout.InfiniteTimeSpan"/> for ever.</param>
    /// <param name="cancellationToken">Gives up waiting (the reply, if any, is dropped).</param>
    public static Task<TState> GetStateAsync<TState>(ProcessContext caller, ServerRef server, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return GenServer.RequestAsync<TState>(caller.Node, caller.Self, server, ExitReason.Normal, s_getState, timeout, cancellationToken);
    }

    /// <summary><c>sys:get_state/2</c> from outside any process (see <see cref="GetStateAsync{TState}(ProcessContext, ServerRef, TimeSpan?, CancellationToken)"/>).</summary>
    /// <typeparam name="TState">The state's type (the state is cast to it).</typeparam>
    /// <param name="node">The node the server runs on.</param>
    /// <param name="server">A pid or a name.</param>
    /// <param name="timeout">How long to wait (default 5 s).</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static Task<TState> GetStateAsync<TState>(Node node, ServerRef server, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        GenServer.RequestAsync<TState>(node, null, server, ExitReason.Normal, s_getState, timeout, cancellationToken);

    /// <summary>
    /// <c>sys:replace_state/3</c> from a process: runs <paramref name="replace"/> on the state inside the server and keeps
    /// its result, which is returned. If <paramref name="replace"/> throws, the state is unchanged and this throws the
    /// exception. Fails like <see cref="GetStateAsync{TState}(ProcessContext, ServerRef, TimeSpan?, CancellationToken)"/>.
    /// </summary>
    /// <typeparam name="TState">The state's type.</typeparam>
    /// <param name="caller">The calling process.</param>
    /// <param name="server">A pid or a name.</param>
    /// <param name="replace">Computes the new state from the old one.</param>
    /// <param name="timeout">How long to wait (default 5 s).</param>
    /// <param name="cancellationToken">Gives up waiting; the state may still be replaced.</param>
    public static Task<TState> ReplaceStateAsync<TState>(ProcessContext caller, ServerRef server, Func<TState, TState> replace, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return Replace(caller.Node, caller.Self, server, replace, timeout, cancellationToken);
    }

    /// <summary><c>sys:replace_state/3</c> from outside any process (see <see cref="ReplaceStateAsync{TState}(ProcessContext, ServerRef, Func{TState, TState}, TimeSpan?, CancellationToken)"/>).</summary>
    /// <typeparam name="TState">The state's type.</typeparam>
    /// <param name="node">The node the server runs on.</param>
    /// <param name="server">A pid or a name.</param>
    /// <param name="replace">Computes the new state from the old one.</param>
    /// <param name="timeout">How long to wait (default 5 s).</param>
    /// <param name="cancellationToken">Gives up waiting; the state may still be replaced.</param>
    public static Task<TState> ReplaceStateAsync<TState>(Node node, ServerRef server, Func<TState, TState> replace, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Replace(node, null, server, replace, timeout, cancellationToken);

    private static Task<TState> Replace<TState>(Node node, Pid? caller, ServerRef server, Func<TState, TState> replace, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replace);
        Func<object?, object?> untyped = state => replace((TState)state!);
        return GenServer.RequestAsync<TState>(node, caller, server, untyped, s_replaceState, timeout, cancellationToken);
    }
}
