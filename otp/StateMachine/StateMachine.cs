namespace Otp;

/// <summary>
/// Starting, calling, casting to and stopping <see cref="StateMachine{TState, TData}"/> machines: the functions of OTP's
/// <c>gen_statem</c> module. Calls and casts travel as a gen_server's do, so they fail the same ways
/// (<see cref="CallTimeoutException"/>, <see cref="NoProcessException"/>, <see cref="CallingSelfException"/>, <see cref="ProcessExitedException"/>).
/// <see cref="Sys"/> works on a machine too; its state there is the pair <c>(TState, TData)</c>, gen_statem's <c>{State, Data}</c>.
/// </summary>
public static class StateMachine
{
    /// <summary>
    /// <c>gen_statem:start_link/3,4</c>: starts <paramref name="machine"/> linked to <paramref name="parent"/> and returns once Init
    /// has run (the first state enter call comes after, as in OTP). Throws <see cref="StartFailedException"/> as <see cref="GenServer.StartLinkAsync{TState}"/> does.
    /// </summary>
    /// <typeparam name="TState">The machine's state.</typeparam>
    /// <typeparam name="TData">The machine's data.</typeparam>
    /// <param name="parent">The starting process.</param>
    /// <param name="machine">A fresh machine instance.</param>
    /// <param name="name">A local or via name, or null.</param>
    /// <param name="timeout">How long Init may take (null: for ever).</param>
    public static Task<Pid> StartLinkAsync<TState, TData>(ProcessContext parent, StateMachine<TState, TData> machine, ServerName? name = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return Start(parent.Node, parent, link: true, machine, name, timeout);
    }

    /// <summary><c>gen_statem:start/3,4</c> from a process: like <see cref="StartLinkAsync{TState, TData}"/> without the link.</summary>
    /// <typeparam name="TState">The machine's state.</typeparam>
    /// <typeparam name="TData">The machine's data.</typeparam>
    /// <param name="parent">The starting process.</param>
    /// <param name="machine">A fresh machine instance.</param>
    /// <param name="name">A local or via name, or null.</param>
    /// <param name="timeout">How long Init may take.</param>
    public static Task<Pid> StartAsync<TState, TData>(ProcessContext parent, StateMachine<TState, TData> machine, ServerName? name = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return Start(parent.Node, parent, link: false, machine, name, timeout);
    }

    /// <summary><c>gen_statem:start/3,4</c> from outside any process: no parent, no link.</summary>
    /// <typeparam name="TState">The machine's state.</typeparam>
    /// <typeparam name="TData">The machine's data.</typeparam>
    /// <param name="node">The node to start on.</param>
    /// <param name="machine">A fresh machine instance.</param>
    /// <param name="name">A local or via name, or null.</param>
    /// <param name="timeout">How long Init may take.</param>
    public static Task<Pid> StartAsync<TState, TData>(Node node, StateMachine<TState, TData> machine, ServerName? name = null, TimeSpan? timeout = null) =>
        Start(node, null, link: false, machine, name, timeout);

    /// <summary>
    /// <c>gen_statem:call/3</c> from a process: sends a <see cref="EventKind.Call"/> event and waits for the reply a
    /// <see cref="StateAction.Reply"/> action sends. The default timeout is gen_statem's <c>infinity</c> (gen_server's is 5 s).
    /// </summary>
    /// <typeparam name="TReply">The reply's type.</typeparam>
    /// <param name="caller">The calling process.</param>
    /// <param name="machine">The machine: a pid or a name.</param>
    /// <param name="request">The event content.</param>
    /// <param name="timeout">How long to wait; null for ever.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static Task<TReply> CallAsync<TReply>(ProcessContext caller, ServerRef machine, object request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        GenServer.CallAsync<TReply>(caller, machine, request, timeout ?? Timeout.InfiniteTimeSpan, cancellationToken);

    /// <summary><c>gen_statem:call/3</c> from outside any process (see <see cref="CallAsync{TReply}(ProcessContext, ServerRef, object, TimeSpan?, CancellationToken)"/>).</summary>
    /// <typeparam name="TReply">The reply's type.</typeparam>
    /// <param name="node">The node the machine runs on.</param>
    /// <param name="machine">The machine: a pid or a name.</param>
    /// <param name="request">The event content.</param>
    /// <param name="timeout">How long to wait; null for ever.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static Task<TReply> CallAsync<TReply>(Node node, ServerRef machine, object request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        GenServer.CallAsync<TReply>(node, machine, request, timeout ?? Timeout.InfiniteTimeSpan, cancellationToken);

    /// <summary><c>gen_statem:cast/2</c> from a process: sends a <see cref="EventKind.Cast"/> event and returns at once; never fails.</summary>
    /// <param name="caller">The sending process.</param>
    /// <param name="machine">The machine: a pid or a name.</param>
    /// <param name="request">The event content.</param>
    public static void Cast(ProcessContext caller, ServerRef machine, object request)
    {
        ArgumentNullException.ThrowIfNull(caller);
        GenServer.Cast(caller.Node, machine, request);
    }

    /// <summary><c>gen_statem:cast/2</c> from outside any process (see <see cref="Cast(ProcessContext, ServerRef, object)"/>).</summary>
    /// <param name="node">The node the machine runs on.</param>
    /// <param name="machine">The machine: a pid or a name.</param>
    /// <param name="request">The event content.</param>
    public static void Cast(Node node, ServerRef machine, object request) => GenServer.Cast(node, machine, request);

    /// <summary><c>gen_statem:reply/2</c>: answers a caller kept from an earlier call event, from any process or thread.</summary>
    /// <param name="from">The caller, from <see cref="StateEvent.From"/>.</param>
    /// <param name="reply">The reply.</param>
    public static void Reply(From from, object? reply) => GenServer.Reply(from, reply);

    /// <summary>
    /// <c>gen_statem:stop/3</c> from a process: the machine runs Terminate and exits with <paramref name="reason"/> (default
    /// normal); returns once it has exited. Fails as <see cref="GenServer.StopAsync(Node, ServerRef, object?, TimeSpan?, CancellationToken)"/> does.
    /// </summary>
    /// <param name="caller">The calling process.</param>
    /// <param name="machine">The machine: a pid or a name.</param>
    /// <param name="reason">The exit reason; null for normal.</param>
    /// <param name="timeout">How long to wait; null for ever.</param>
    /// <param name="cancellationToken">Gives up waiting (the machine still stops).</param>
    public static Task StopAsync(ProcessContext caller, ServerRef machine, object? reason = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return GenServer.StopAsync(caller, machine, reason, timeout, cancellationToken);
    }

    /// <summary><c>gen_statem:stop/3</c> from outside any process (see <see cref="StopAsync(ProcessContext, ServerRef, object?, TimeSpan?, CancellationToken)"/>).</summary>
    /// <param name="node">The node the machine runs on.</param>
    /// <param name="machine">The machine: a pid or a name.</param>
    /// <param name="reason">The exit reason; null for normal.</param>
    /// <param name="timeout">How long to wait; null for ever.</param>
    /// <param name="cancellationToken">Gives up waiting (the machine still stops).</param>
    public static Task StopAsync(Node node, ServerRef machine, object? reason = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        return GenServer.StopAsync(node, machine, reason, timeout, cancellationToken);
    }

    private static Task<Pid> Start<TState, TData>(Node node, ProcessContext? parent, bool link, StateMachine<TState, TData> machine, ServerName? name, TimeSpan? timeout)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(machine);
        return ProcLib.StartLinkAsync(node, parent, link, (ctx, ack) => new StateMachineLoop<TState, TData>(machine, ctx, name).RunAsync(ack), timeout);
    }
}
