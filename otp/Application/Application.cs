namespace Otp;

/// <summary>
/// A component that starts a supervision tree and can be stopped as a unit: OTP's <c>application</c> behaviour (Elixir's
/// <c>Application</c> module). Subclass it, start your top supervisor in <see cref="StartAsync(ProcessContext)"/>, then call
/// <see cref="StartAsync(Node, ApplicationType)"/>. An application master process (the tree's parent) watches the top supervisor.
/// "The node goes down" (permanent and transient applications) means: the other applications are stopped and every process
/// on the node is killed, as <c>init:stop()</c> would do; .NET's process itself keeps running.
/// </summary>
public abstract class Application
{
    private readonly Dictionary<string, object?> _environment = new(StringComparer.Ordinal);
    private readonly Lock _lock = new(); // guards _environment
    private readonly TaskCompletionSource<object> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Node? _node;
    private Pid? _master;
    private object? _stopState;

    /// <summary>The application's name (<c>Application.get_application/1</c>); by default the class name.</summary>
    public virtual string Name => GetType().Name;

    /// <summary>The top supervisor's pid while the application runs, else null.</summary>
    public Pid? TopSupervisor { get; private set; }

    /// <summary>Whether the application is running.</summary>
    public bool IsRunning => TopSupervisor is not null && _node!.IsAlive(TopSupervisor);

    /// <summary>Completes with the top supervisor's exit reason when the application stops, whether asked to or on its own.</summary>
    public Task<object> Exited => _exited.Task;

    /// <summary><c>Application.get_env/3</c>: a value of the application's environment, or <paramref name="fallback"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="fallback">Returned when the key is not set.</param>
    public object? GetEnv(string key, object? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            return _environment.TryGetValue(key, out var value) ? value : fallback;
        }
    }

    /// <summary><c>Application.put_env/3</c>: sets a value of the application's environment.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    public void PutEnv(string key, object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            _environment[key] = value;
        }
    }

    /// <summary>
    /// <c>application:start/2</c>: starts the application on <paramref name="node"/>: spawns its master, runs the start callback
    /// (which must return the top supervisor, linked to the master), and returns. Throws <see cref="StartFailedException"/>
    /// if the callback fails, or <see cref="InvalidOperationException"/> if it already runs. A process starting an
    /// application passes <c>ctx.Node</c>: as in OTP, the application does not belong to the process that starts it.
    /// </summary>
    /// <param name="node">The node to run on.</param>
    /// <param name="type">What its stopping does to the node.</param>
    public async Task StartAsync(Node node, ApplicationType type = ApplicationType.Temporary)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (!Enum.IsDefined(type))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "An application type is Temporary, Transient or Permanent.");
        }

        if (_master is not null && node.IsAlive(_master))
        {
            throw new InvalidOperationException($"{Name} is already started.");
        }

        _node = node;
        _master = await ProcLib.StartLinkAsync(node, null, link: false, (ctx, ack) => RunMasterAsync(ctx, ack, type)).ConfigureAwait(false);
        node.AddApplication(this);
    }

    /// <summary>
    /// <c>application:stop/1</c>: calls <see cref="PrepStop"/>, stops the top supervisor (and so the tree, in reverse order),
    /// then calls <see cref="Stop"/>, and returns once the master has exited. Stopping it this way never takes the node
    /// down. Throws <see cref="InvalidOperationException"/> if it is not running. Callable from any thread or process.
    /// </summary>
    /// <param name="cancellationToken">Gives up waiting; the application, once asked, still stops.</param>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_master is not { } master || _node is null || !_node.IsAlive(master))
        {
            throw new InvalidOperationException($"{Name} is not running.");
        }

        var waiter = new DownWaiter();
        master.Process!.AddMonitor(waiter, null);
        _node.Send(master, StopApplication.Instance);
        await waiter.Reason.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Elixir's <c>start/2</c>: starts the top supervisor linked to <paramref name="master"/> and returns its pid.</summary>
    /// <param name="master">The application master, the tree's parent: pass it to <c>Supervisor.StartLinkAsync</c>.</param>
    protected abstract Task<Pid> StartAsync(ProcessContext master);

    /// <summary>Elixir's <c>prep_stop/1</c>: runs before the tree is stopped; its result is passed to <see cref="Stop"/>.</summary>
    protected virtual object? PrepStop() => null;

    /// <summary>Elixir's <c>stop/1</c>: runs after the tree has stopped (also when it stopped on its own).</summary>
    /// <param name="state">What <see cref="PrepStop"/> returned.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "Elixir's callback is stop/1; VB's Stop keyword does not concern C# learners.")]
    protected virtual void Stop(object? state)
    {
    }

    private async Task RunMasterAsync(ProcessContext master, InitAck ack, ApplicationType type)
    {
        master.TrapExit = true;
        master.Process.Behaviour = "application_master";
        try
        {
            TopSupervisor = await StartAsync(master).ConfigureAwait(false);
        }
        catch (Exception failed) when (failed is not ProcessKilledSignal)
        {
            ack.Failed(failed is StartFailedException start ? start.Reason : failed);
            return;
        }

        ack.Started(master.Self);
        var message = await master.ReceiveAsync(m => m is StopApplication || (m is ExitMessage e && e.From == TopSupervisor), Timeout.InfiniteTimeSpan).ConfigureAwait(false);
        object reason;
        if (message is StopApplication)
        {
            _stopState = PrepStop();
            reason = await ChildShutdown.StopAsync(master, TopSupervisor, ShutdownSpec.Infinity).ConfigureAwait(false);
            Finish(reason);
            return;
        }

        reason = ((ExitMessage)message!).Reason;
        Finish(reason);
        // OTP: a transient application spares the node only when its tree ends with normal itself; shutdown (a supervisor that
        // gave up) is no exception, unlike for a transient child of a supervisor.
        if (type == ApplicationType.Permanent || (type == ApplicationType.Transient && !Equals(reason, ExitReason.Normal)))
        {
            await master.Node.ShutdownAsync(this).ConfigureAwait(false);
        }
    }

    private void Finish(object reason)
    {
        Stop(_stopState);
        TopSupervisor = null;
        _node!.RemoveApplication(this);
        _exited.TrySetResult(reason);
    }

    private sealed record StopApplication
    {
        public static readonly StopApplication Instance = new();
    }
}
