namespace Otp;

/// <summary>
/// Elixir's <c>Agent</c>: a process that holds a value, read and changed by functions sent to it. It is a
/// <see cref="GenServer{TState}"/> underneath, so it starts, is named (local or via a registry), is supervised and fails
/// like one: a failed call throws <see cref="CallTimeoutException"/>, <see cref="NoProcessException"/> or
/// <see cref="ProcessExitedException"/>, as <see cref="GenServer.CallAsync{TReply}(Node, ServerRef, object, TimeSpan?, CancellationToken)"/> does.
/// Each function has two forms: from inside a process (pass its <see cref="ProcessContext"/>) or from outside (pass the <see cref="Node"/>).
/// Where .NET differs: the functions are delegates, so the value's type is named at each call
/// (<c>Agent.GetAsync(node, agent, (int n) =&gt; n)</c>); asking with the wrong type crashes the agent with an
/// <see cref="InvalidCastException"/>, as any exception thrown by a function does in Elixir.
/// </summary>
public static class Agent
{
    /// <summary>Elixir's default timeout for get, update and get-and-update: 5 seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// <c>Agent.start_link/2</c>: starts an agent linked to <paramref name="parent"/> whose value is what <paramref name="init"/>
    /// returns (run in the agent's process). Throws <see cref="StartFailedException"/> if <paramref name="init"/> throws or the name is taken.
    /// </summary>
    /// <typeparam name="TState">The agent's value.</typeparam>
    /// <param name="parent">The starting process.</param>
    /// <param name="init">Computes the initial value.</param>
    /// <param name="name">A local name or <see cref="ServerName.Via(INameRegistry, object)"/> a registry, or null.</param>
    /// <param name="timeout">How long <paramref name="init"/> may take (null: for ever); then the start fails with <c>timeout</c>.</param>
    public static Task<Pid> StartLinkAsync<TState>(ProcessContext parent, Func<TState> init, ServerName? name = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(init);
        CheckTimeout(timeout);
        return GenServer.StartLinkAsync(parent, new AgentServer(() => init()), name, timeout);
    }

    /// <summary><c>Agent.start/2</c> from a process: like <see cref="StartLinkAsync{TState}"/> without the link.</summary>
    /// <typeparam name="TState">The agent's value.</typeparam>
    /// <param name="parent">The starting process.</param>
    /// <param name="init">Computes the initial value.</param>
    /// <param name="name">A local or via name, or null.</param>
    /// <param name="timeout">How long <paramref name="init"/> may take.</param>
    public static Task<Pid> StartAsync<TState>(ProcessContext parent, Func<TState> init, ServerName? name = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(init);
        CheckTimeout(timeout);
        return GenServer.StartAsync(parent, new AgentServer(() => init()), name, timeout);
    }

    /// <summary><c>Agent.start/2</c> from outside any process: the agent has no parent and no link.</summary>
    /// <typeparam name="TState">The agent's value.</typeparam>
    /// <param name="node">The node to start on.</param>
    /// <param name="init">Computes the initial value.</param>
    /// <param name="name">A local or via name, or null.</param>
    /// <param name="timeout">How long <paramref name="init"/> may take.</param>
    public static Task<Pid> StartAsync<TState>(Node node, Func<TState> init, ServerName? name = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(init);
        CheckTimeout(timeout);
        return GenServer.StartAsync(node, new AgentServer(() => init()), name, timeout);
    }

    /// <summary><c>Agent.get/3</c> from a process: runs <paramref name="fun"/> on the value in the agent and returns its result.</summary>
    /// <typeparam name="TState">The agent's value.</typeparam>
    /// <typeparam name="TResult">What <paramref name="fun"/> returns.</typeparam>
    /// <param name="caller">The calling process.</param>
    /// <param name="agent">The agent: a pid or a name.</param>
    /// <param name="fun">Reads the value.</param>
    /// <param name="timeout">How long to wait (default 5 s); <see cref="Timeout.InfiniteTimeSpan"/> for ever.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static Task<TResult> GetAsync<TState, TResult>(ProcessContext caller, ServerRef agent, Func<TState, TResult> fun, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return GenServer.CallAsync<TResult>(caller, agent, Get(fun), timeout ?? DefaultTimeout, cancellationToken);
    }

    /// <summary><c>Agent.get/3</c> from outside any process.</summary>
    /// <typeparam name="TState">The agent's value.</typeparam>
    /// <typeparam name="TResult">What <paramref name="fun"/> returns.</typeparam>
    /// <param name="node">The node the agent runs on.</param>
    /// <param name="agent">The agent: a pid or a name.</param>
    /// <param name="fun">Reads the value.</param>
    /// <param name="timeout">How long to wait (default 5 s).</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static Task<TResult> GetAsync<TState, TResult>(Node node, ServerRef agent, Func<TState, TResult> fun, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        GenServer.CallAsync<TResult>(node, agent, Get(fun), timeout ?? DefaultTimeout, cancellationToken);

    /// <summary><c>Agent.update/3</c> from a process: replaces the value with what <paramref name="fun"/> returns; returns once it is done (Elixir's <c>:ok</c>).</summary>
    /// <typeparam name="TState">The agent's value.</typeparam>
    /// <param name="caller">The calling process.</param>
    /// <param name="agent">The agent: a pid or a name.</param>
    /// <param name="fun">Computes the new value from the old one.</param>
    /// <param name="timeout">How long to wait (default 5 s).</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static Task UpdateAsync<TState>(ProcessContext caller, ServerRef agent, Func<TState, TState> fun, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return GenServer.CallAsync<object?>(caller, agent, Update(fun), timeout ?? DefaultTimeout, cancellationToken);
    }

    /// <summary><c>Agent.update/3</c> from outside any process.</summary>
    /// <typeparam name="TState">The agent's value.</typeparam>
    /// <param name="node">The node the agent runs on.</param>
    /// <param name="agent">The agent: a pid or a name.</param>
    /// <param name="fun">Computes the new value from the old one.</param>
    /// <param name="timeout">How long to wait (default 5 s).</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static Task UpdateAsync<TState>(Node node, ServerRef agent, Func<TState, TState> fun, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        GenServer.CallAsync<object?>(node, agent, Update(fun), timeout ?? DefaultTimeout, cancellationToken);

    /// <summary>
    /// <c>Agent.get_and_update/3</c> from a process: <paramref name="fun"/> returns a result for the caller and the new value,
    /// in one step (no other request runs in between).
    /// </summary>
    /// <typeparam name="TState">The agent's value.</typeparam>
    /// <typeparam name="TResult">What the caller gets.</typeparam>
    /// <param name="caller">The calling process.</param>
    /// <param name="agent">The agent: a pid or a name.</param>
    /// <param name="fun">Returns <c>(Reply, NewValue)</c>, Elixir's <c>{reply, new_state}</c>.</param>
    /// <param name="timeout">How long to wait (default 5 s).</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static Task<TResult> GetAndUpdateAsync<TState, TResult>(ProcessContext caller, ServerRef agent, Func<TState, (TResult Reply, TState State)> fun, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return GenServer.CallAsync<TResult>(caller, agent, GetAndUpdate(fun), timeout ?? DefaultTimeout, cancellationToken);
    }

    /// <summary><c>Agent.get_and_update/3</c> from outside any process.</summary>
    /// <typeparam name="TState">The agent's value.</typeparam>
    /// <typeparam name="TResult">What the caller gets.</typeparam>
    /// <param name="node">The node the agent runs on.</param>
    /// <param name="agent">The agent: a pid or a name.</param>
    /// <param name="fun">Returns <c>(Reply, NewValue)</c>.</param>
    /// <param name="timeout">How long to wait (default 5 s).</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static Task<TResult> GetAndUpdateAsync<TState, TResult>(Node node, ServerRef agent, Func<TState, (TResult Reply, TState State)> fun, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        GenServer.CallAsync<TResult>(node, agent, GetAndUpdate(fun), timeout ?? DefaultTimeout, cancellationToken);

    /// <summary>
    /// <c>Agent.cast/2</c> from a process: sends <paramref name="fun"/> to update the value and returns at once. Always
    /// succeeds, even if the agent is dead or the name free (the update is then lost).
    /// </summary>
    /// <typeparam name="TState">The agent's value.</typeparam>
    /// <param name="caller">The calling process.</param>
    /// <param name="agent">The agent: a pid or a name.</param>
    /// <param name="fun">Computes the new value from the old one.</param>
    public static void Cast<TState>(ProcessContext caller, ServerRef agent, Func<TState, TState> fun)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Cast(caller.Node, agent, fun);
    }

    /// <summary><c>Agent.cast/2</c> from outside any process (see <see cref="Cast{TState}(ProcessContext, ServerRef, Func{TState, TState})"/>).</summary>
    /// <typeparam name="TState">The agent's value.</typeparam>
    /// <param name="node">The node the agent runs on.</param>
    /// <param name="agent">The agent: a pid or a name.</param>
    /// <param name="fun">Computes the new value from the old one.</param>
    public static void Cast<TState>(Node node, ServerRef agent, Func<TState, TState> fun)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(fun);
        GenServer.Cast(node, agent, new AgentCast(state => fun((TState)state!)));
    }

    /// <summary>
    /// <c>Agent.stop/3</c> from a process: stops the agent with <paramref name="reason"/> (default normal) and returns once
    /// it has exited. Throws <see cref="NoProcessException"/> if it is not alive, <see cref="CallingSelfException"/> if the
    /// caller is the agent (Elixir exits with <c>calling_self</c>: the caller would wait for its own exit),
    /// <see cref="ProcessExitedException"/> if it exited with another reason, <see cref="CallTimeoutException"/> after
    /// <paramref name="timeout"/>.
    /// </summary>
    /// <param name="caller">The calling process.</param>
    /// <param name="agent">The agent: a pid or a name.</param>
    /// <param name="reason">The exit reason; null for normal.</param>
    /// <param name="timeout">How long to wait; null for ever (Elixir's default <c>:infinity</c>).</param>
    /// <param name="cancellationToken">Gives up waiting; the agent, once asked, still stops.</param>
    public static Task StopAsync(ProcessContext caller, ServerRef agent, object? reason = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        CheckTimeout(timeout);
        cancellationToken.ThrowIfCancellationRequested();
        return GenServer.StopAsync(caller, agent, reason, timeout, cancellationToken);
    }

    /// <summary><c>Agent.stop/3</c> from outside any process (see <see cref="StopAsync(ProcessContext, ServerRef, object?, TimeSpan?, CancellationToken)"/>).</summary>
    /// <param name="node">The node the agent runs on.</param>
    /// <param name="agent">The agent: a pid or a name.</param>
    /// <param name="reason">The exit reason; null for normal.</param>
    /// <param name="timeout">How long to wait; null for ever (Elixir's default <c>:infinity</c>).</param>
    /// <param name="cancellationToken">Gives up waiting; the agent, once asked, still stops.</param>
    public static Task StopAsync(Node node, ServerRef agent, object? reason = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        CheckTimeout(timeout);
        cancellationToken.ThrowIfCancellationRequested();
        return GenServer.StopAsync(node, agent, reason, timeout, cancellationToken);
    }

    // Elixir's timeouts are a non-negative integer or :infinity; a wrong one is refused before any process is contacted.
    private static void CheckTimeout(TimeSpan? timeout, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(timeout))] string name = "")
    {
        if (timeout is { } limit && limit < TimeSpan.Zero && limit != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, limit, "A timeout is zero or more, or Timeout.InfiniteTimeSpan.");
        }
    }

    private static AgentCall Get<TState, TResult>(Func<TState, TResult> fun)
    {
        ArgumentNullException.ThrowIfNull(fun);
        return new AgentCall(state => (fun((TState)state!), state));
    }

    private static AgentCall Update<TState>(Func<TState, TState> fun)
    {
        ArgumentNullException.ThrowIfNull(fun);
        return new AgentCall(state => (null, fun((TState)state!)));
    }

    private static AgentCall GetAndUpdate<TState, TResult>(Func<TState, (TResult Reply, TState State)> fun)
    {
        ArgumentNullException.ThrowIfNull(fun);
        return new AgentCall(state =>
        {
            var (reply, next) = fun((TState)state!);
            return (reply, next);
        });
    }
}
