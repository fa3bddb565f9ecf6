namespace Otp;

/// <summary>
/// Starting, calling, casting to and stopping <see cref="GenServer{TState}"/> servers: the functions of OTP's <c>gen_server</c> module.
/// Every function comes in two forms: from inside a process (pass its <see cref="ProcessContext"/>) or from outside (pass the <see cref="Node"/>).
/// Where .NET differs: a failed call throws in the caller instead of exiting it; there is no <c>hibernate</c> (the garbage
/// collector already reclaims an idle server's garbage); <c>multi_call</c>/<c>abcast</c> are absent, as there is one node.
/// </summary>
public static class GenServer
{
    private static readonly Func<object, From, object> s_call = static (request, from) => new CallMessage(request, from);

    /// <summary>OTP's default call timeout: 5 seconds.</summary>
    public static readonly TimeSpan DefaultCallTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// <c>gen_server:start_link/3,4</c>: starts <paramref name="server"/> in a new process linked to <paramref name="parent"/>,
    /// and returns once Init has run. Throws <see cref="StartFailedException"/> when Init returns stop (reason), throws (the exception),
    /// returns ignore (<see cref="StartFailedException.Ignored"/>), or the name is taken (<c>(already_started, Pid)</c>).
    /// A failed server exits with the reason, which also reaches the linked parent.
    /// </summary>
    /// <typeparam name="TState">The server's state.</typeparam>
    /// <param name="parent">The starting process.</param>
    /// <param name="server">A fresh server instance.</param>
    /// <param name="name">A local or via name to register the server under, or null.</param>
    /// <param name="timeout">How long Init may take (default: for ever, as OTP); then the server is killed and the start fails with <c>timeout</c>.</param>
    public static Task<Pid> StartLinkAsync<TState>(ProcessContext parent, GenServer<TState> server, ServerName? name = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return Start(parent.Node, parent, link: true, server, name, timeout);
    }

    /// <summary><c>gen_server:start/3,4</c>: like <see cref="StartLinkAsync{TState}"/> without a link, from inside a process.</summary>
    /// <typeparam name="TState">The server's state.</typeparam>
    /// <param name="parent">The starting process.</param>
    /// <param name="server">A fresh server instance.</param>
    /// <param name="name">A local or via name, or null.</param>
    /// <param name="timeout">How long Init may take.</param>
    public static Task<Pid> StartAsync<TState>(ProcessContext parent, GenServer<TState> server, ServerName? name = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return Start(parent.Node, parent, link: false, server, name, timeout);
    }

    /// <summary><c>gen_server:start/3,4</c> from outside any process: the server has no parent and no link.</summary>
    /// <typeparam name="TState">The server's state.</typeparam>
    /// <param name="node">The node to start on.</param>
    /// <param name="server">A fresh server instance.</param>
    /// <param name="name">A local or via name, or null.</param>
    /// <param name="timeout">How long Init may take.</param>
    public static Task<Pid> StartAsync<TState>(Node node, GenServer<TState> server, ServerName? name = null, TimeSpan? timeout = null) =>
        Start(node, null, link: false, server, name, timeout);

    /// <summary>
    /// <c>gen_server:call/3</c> from a process. Waits for the reply, at most <paramref name="timeout"/> (default 5 s).
    /// Fails with <see cref="CallTimeoutException"/> (no reply in time), <see cref="NoProcessException"/> (dead pid, free name),
    /// <see cref="CallingSelfException"/> (a server calling itself) or <see cref="ProcessExitedException"/> (the server exited
    /// during the call; carries its reason). Unlike Erlang, a failed call throws in the caller rather than exiting it;
    /// uncaught, the exception ends the calling process with itself as reason.
    /// </summary>
    /// <typeparam name="TReply">The reply's type (the reply is cast to it).</typeparam>
    /// <param name="caller">The calling process.</param>
    /// <param name="server">The server: a pid or a name.</param>
    /// <param name="request">The request HandleCall receives.</param>
    /// <param name="timeout">How long to wait; <see cref="Timeout.InfiniteTimeSpan"/> for ever.</param>
    /// <param name="cancellationToken">Gives up waiting (the reply, if any, is dropped).</param>
    public static Task<TReply> CallAsync<TReply>(ProcessContext caller, ServerRef server, object request, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return RequestAsync<TReply>(caller.Node, caller.Self, server, request, s_call, timeout, cancellationToken);
    }

    /// <summary>
    /// <c>gen_server:call/3</c> from code that is not a process (see <see cref="CallAsync{TReply}(ProcessContext, ServerRef, object, TimeSpan?, CancellationToken)"/>).
    /// Called from inside one of the server's own callbacks it throws <see cref="CallingSelfException"/>, as from its context.
    /// </summary>
    /// <typeparam name="TReply">The reply's type.</typeparam>
    /// <param name="node">The node the server runs on.</param>
    /// <param name="server">The server: a pid or a name.</param>
    /// <param name="request">The request.</param>
    /// <param name="timeout">How long to wait (default 5 s).</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static Task<TReply> CallAsync<TReply>(Node node, ServerRef server, object request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        RequestAsync<TReply>(node, null, server, request, s_call, timeout, cancellationToken);

    /// <summary>
    /// <c>gen_server:cast/2</c>: sends <paramref name="request"/> to HandleCast and returns at once. Always succeeds,
    /// even if the server is dead or the name free.
    /// </summary>
    /// <param name="node">The node the server runs on (a process passes <c>ctx.Node</c>).</param>
    /// <param name="server">The server: a pid or a name.</param>
    /// <param name="request">The request.</param>
    public static void Cast(Node node, ServerRef server, object request)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(request);
        server.Resolve(node)?.Process?.Enqueue(new CastMessage(request));
    }

    /// <summary><c>gen_server:cast/2</c> from a process (see <see cref="Cast(Node, ServerRef, object)"/>).</summary>
    /// <param name="caller">The casting process.</param>
    /// <param name="server">The server: a pid or a name.</param>
    /// <param name="request">The request.</param>
    public static void Cast(ProcessContext caller, ServerRef server, object request)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Cast(caller.Node, server, request);
    }

    /// <summary>Elixir's <c>GenServer.whereis/1</c> from a process (see <see cref="WhereIs(Node, ServerRef)"/>).</summary>
    /// <param name="caller">The asking process.</param>
    /// <param name="server">A pid or a name.</param>
    public static Pid? WhereIs(ProcessContext caller, ServerRef server)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return WhereIs(caller.Node, server);
    }

    /// <summary>Elixir's <c>GenServer.whereis/1</c>: the live pid behind <paramref name="server"/>, or null.</summary>
    /// <param name="node">The node to look on.</param>
    /// <param name="server">A pid or a name.</param>
    public static Pid? WhereIs(Node node, ServerRef server)
    {
        ArgumentNullException.ThrowIfNull(node);
        return server.Resolve(node) is { } pid && node.IsAlive(pid) ? pid : null;
    }

    /// <summary>
    /// <c>gen_server:reply/2</c>: answers a caller whose HandleCall returned NoReply. Works from any thread or process;
    /// a reply to a caller that already gave up is dropped.
    /// </summary>
    /// <param name="from">The caller, as HandleCall received it.</param>
    /// <param name="reply">The reply.</param>
    public static void Reply(From from, object? reply)
    {
        ArgumentNullException.ThrowIfNull(from);
        from.TryReply(reply);
    }

    /// <summary>
    /// <c>gen_server:stop/3</c> from a process: asks the server to stop with <paramref name="reason"/> (default normal): it runs
    /// Terminate and exits. Returns when it has exited. Throws <see cref="NoProcessException"/> if it is not alive,
    /// <see cref="ProcessExitedException"/> if it exited with another reason, <see cref="CallTimeoutException"/> after
    /// <paramref name="timeout"/>, and <see cref="CallingSelfException"/> when <paramref name="caller"/> is the server itself
    /// (it would wait for its own exit for ever; OTP exits the caller with <c>calling_self</c>).
    /// </summary>
    /// <param name="caller">The stopping process.</param>
    /// <param name="server">The server: a pid or a name.</param>
    /// <param name="reason">The reason to stop with; null for normal.</param>
    /// <param name="timeout">How long to wait; null for ever (OTP's default).</param>
    /// <param name="cancellationToken">Gives up waiting (the server still stops).</param>
    public static Task StopAsync(ProcessContext caller, ServerRef server, object? reason = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return StopAsync(caller.Node, caller.Self, server, reason, timeout, cancellationToken);
    }

    /// <summary>
    /// <c>gen_server:stop/3</c> from code that is not a process (see <see cref="StopAsync(ProcessContext, ServerRef, object?, TimeSpan?, CancellationToken)"/>).
    /// Called from inside one of the server's own callbacks it throws <see cref="CallingSelfException"/>, as from its context.
    /// </summary>
    /// <param name="node">The node the server runs on.</param>
    /// <param name="server">The server: a pid or a name.</param>
    /// <param name="reason">The reason to stop with; null for normal.</param>
    /// <param name="timeout">How long to wait; null for ever (OTP's default).</param>
    /// <param name="cancellationToken">Gives up waiting (the server still stops).</param>
    public static Task StopAsync(Node node, ServerRef server, object? reason = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        StopAsync(node, CurrentServer.Pid, server, reason, timeout, cancellationToken);

    // The arguments are checked here, when called, before the server is contacted; the wait is StopCoreAsync's.
    private static Task StopAsync(Node node, Pid? caller, ServerRef server, object? reason, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (timeout is { } given && given < TimeSpan.Zero && given != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), given, "A stop timeout is zero or more, or Timeout.InfiniteTimeSpan.");
        }

        return StopCoreAsync(node, caller, server, reason ?? ExitReason.Normal, timeout, cancellationToken);
    }

    private static async Task StopCoreAsync(Node node, Pid? caller, ServerRef server, object reason, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var process = server.Resolve(node)?.Process ?? throw new NoProcessException(server);
        if (caller == process.Pid)
        {
            throw new CallingSelfException(process.Pid);
        }

        var waiter = new DownWaiter();
        var monitor = process.AddMonitor(waiter, null);
        process.Enqueue(new StopMessage(reason));
        object exitReason;
        try
        {
            exitReason = timeout is { } limit && limit != Timeout.InfiniteTimeSpan
                ? await waiter.Reason.WaitAsync(limit, node.Time, cancellationToken).ConfigureAwait(false)
                : await waiter.Reason.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            process.RemoveMonitor(monitor);
            throw new CallTimeoutException(server, timeout!.Value);
        }
        catch (OperationCanceledException)
        {
            process.RemoveMonitor(monitor);
            throw;
        }

        if (ExitReason.NoProc.Equals(exitReason))
        {
            throw new NoProcessException(server);
        }

        if (!Equals(exitReason, reason))
        {
            throw new ProcessExitedException(server, exitReason);
        }
    }

    private static Task<Pid> Start<TState>(Node node, ProcessContext? parent, bool link, GenServer<TState> server, ServerName? name, TimeSpan? timeout)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(server);
        return ProcLib.StartLinkAsync(node, parent, link, (ctx, ack) => new GenServerLoop<TState>(server, ctx, name, ack).RunAsync(), timeout);
    }

    /// <summary>
    /// A request that waits for a reply (a call, or a system request such as sys:get_state): monitor the server, send
    /// <paramref name="wrap"/>(request, from), and wait for the reply, the DOWN, the timeout or the cancellation.
    /// </summary>
    internal static async Task<TReply> RequestAsync<TReply>(
        Node node, Pid? caller, ServerRef server, object request, Func<object, From, object> wrap, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(request);
        var limit = timeout ?? DefaultCallTimeout;
        if (limit < TimeSpan.Zero && limit != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), limit, "A call timeout is zero or more, or Timeout.InfiniteTimeSpan.");
        }

        var process = server.Resolve(node)?.Process ?? throw new NoProcessException(server);
        if ((caller ?? CurrentServer.Pid) == process.Pid) // from the node, inside the server's own callback: the same deadlock
        {
            throw new CallingSelfException(process.Pid);
        }

        var from = new From(caller, server, limit);
        var monitor = process.AddMonitor(from, null); // a DOWN fails the call with the server's exit reason
        process.Enqueue(wrap(request, from));

        // The time-out is an entry in the node's timer queue (no timer per call); a static callback with the From as state.
        var timer = limit == Timeout.InfiniteTimeSpan ? null : new CallTimer(from);
        if (timer is not null)
        {
            node.Timers.Add(timer, limit);
        }

        var registration = cancellationToken.UnsafeRegister(static (f, token) => ((From)f!).TryFail(new OperationCanceledException(token)), from);
        try
        {
            return (TReply)(await from.Task.ConfigureAwait(false))!;
        }
        finally
        {
            process.RemoveMonitor(monitor);
            registration.Dispose();
            if (timer is not null)
            {
                node.Timers.Remove(timer);
            }
        }
    }
}
