namespace Otp;

/// <summary>
/// How a supervisor starts and treats one child: OTP's child spec map (<c>id</c>, <c>start</c>, <c>restart</c>, <c>shutdown</c>, <c>type</c>).
/// <see cref="Start"/> gets the supervisor's process and must start the child linked to it (a <c>StartLinkAsync</c>),
/// returning its pid, or throw <see cref="StartFailedException"/> (with <see cref="StartFailedException.Ignored"/> for <c>ignore</c>).
/// Override fields with <c>with</c>, as Elixir's <c>Supervisor.child_spec(spec, overrides)</c> does:
/// <c>ChildSpec.For(() =&gt; new Stack()) with { Id = "other", Restart = RestartType.Transient }</c>.
/// </summary>
/// <param name="Id">Names the child within its supervisor (not null).</param>
/// <param name="Start">Starts the child linked to the supervisor: <c>ctx =&gt; GenServer.StartLinkAsync(ctx, new MyServer())</c>.</param>
public sealed record ChildSpec(object Id, Func<ProcessContext, Task<Pid>> Start)
{
    // Set by WithInfo: the start function that also returns info, and the Start derived from it. If Start is replaced
    // (with { Start = ... }), the two no longer match and the info function is not used.
    private readonly Func<ProcessContext, Task<StartedChild>>? _startWithInfo;
    private readonly Func<ProcessContext, Task<Pid>>? _derivedStart;

    /// <summary>When to restart it (default <see cref="RestartType.Permanent"/>).</summary>
    public RestartType Restart { get; init; } = RestartType.Permanent;

    /// <summary>Worker or supervisor (default worker).</summary>
    public ChildType Type { get; init; } = ChildType.Worker;

    /// <summary>How to stop it; null for OTP's default (5 s for a worker, infinity for a supervisor).</summary>
    public ShutdownSpec? Shutdown { get; init; }

    /// <summary>The shutdown in force, defaults applied.</summary>
    public ShutdownSpec EffectiveShutdown => Shutdown ?? (Type == ChildType.Supervisor ? ShutdownSpec.Infinity : ShutdownSpec.Default);

    /// <summary>A worker child spec.</summary>
    /// <param name="id">The child's id.</param>
    /// <param name="start">Starts the child linked to the supervisor.</param>
    public static ChildSpec Worker(object id, Func<ProcessContext, Task<Pid>> start) => new(id, start);

    /// <summary>A supervisor child spec (shutdown infinity).</summary>
    /// <param name="id">The child's id.</param>
    /// <param name="start">Starts the child supervisor linked to this one.</param>
    public static ChildSpec Supervisor(object id, Func<ProcessContext, Task<Pid>> start) => new(id, start) { Type = ChildType.Supervisor };

    /// <summary>
    /// A worker whose start function returns <c>{ok, Pid, Info}</c>: <see cref="Supervisor.StartChildWithInfoAsync(Node, ServerRef, ChildSpec, CancellationToken)"/>
    /// gives the info to its caller; starts and restarts by the supervisor itself use only the pid.
    /// </summary>
    /// <param name="id">The child's id.</param>
    /// <param name="start">Starts the child linked to the supervisor and says something about it.</param>
    public static ChildSpec WithInfo(object id, Func<ProcessContext, Task<StartedChild>> start)
    {
        ArgumentNullException.ThrowIfNull(start);
        Func<ProcessContext, Task<Pid>> pidOnly = async ctx => (await start(ctx).ConfigureAwait(false)).Pid;
        return new ChildSpec(id, pidOnly, start);
    }

    /// <summary>
    /// The child spec a server type gives itself: Elixir's <c>child_spec/1</c> from <c>use GenServer</c> or <c>use Supervisor</c>
    /// (<c>{Stack, arg}</c> in a children list). Id: the server's type; start: <paramref name="create"/> a fresh instance and
    /// start it linked to the supervisor (under <paramref name="name"/>, if given); restart permanent; type worker for a
    /// <see cref="GenServer{TState}"/>, supervisor for a <see cref="SupervisorBase"/> or <see cref="DynamicSupervisorBase"/>; shutdown 5 s for a worker, infinity
    /// for a supervisor. A server type that wants other defaults gives a static method returning
    /// <c>For(() =&gt; new Stack()) with { Restart = RestartType.Transient }</c> (Elixir: overriding <c>child_spec/1</c>).
    /// </summary>
    /// <typeparam name="TServer">The server type; its <see cref="Type"/> is the default id.</typeparam>
    /// <param name="create">Makes a new instance for every start and restart (a server instance runs once).</param>
    /// <param name="name">A local or via name for the started server, or null.</param>
    public static ChildSpec For<TServer>(Func<TServer> create, ServerName? name = null)
        where TServer : ISupervisable
    {
        ArgumentNullException.ThrowIfNull(create);
        var type = typeof(SupervisorBase).IsAssignableFrom(typeof(TServer)) || typeof(DynamicSupervisorBase).IsAssignableFrom(typeof(TServer))
            ? ChildType.Supervisor
            : ChildType.Worker;
        return new ChildSpec(typeof(TServer), ctx => create().StartLink(ctx, name)) { Type = type };
    }

    /// <summary>The start function with info, if this spec has one whose <see cref="Start"/> is still the one derived from it.</summary>
    internal Func<ProcessContext, Task<StartedChild>>? StartWithInfo => ReferenceEquals(Start, _derivedStart) ? _startWithInfo : null;

    private ChildSpec(object id, Func<ProcessContext, Task<Pid>> start, Func<ProcessContext, Task<StartedChild>> startWithInfo)
        : this(id, start)
    {
        _startWithInfo = startWithInfo;
        _derivedStart = start;
    }

    /// <summary>Refuses a spec a supervisor could not use, naming the field and its value (OTP's <c>check_childspecs</c>).</summary>
    /// <param name="paramName">The argument that holds the spec.</param>
    internal void Validate(string? paramName)
    {
        if (Id is null)
        {
            throw new ArgumentException("ChildSpec.Id is null; every child needs an id (OTP's id, any non-null value).", paramName);
        }

        if (Start is null)
        {
            throw new ArgumentException($"ChildSpec.Start of child {Id} is null; it must start the child linked to the supervisor.", paramName);
        }

        if (!Enum.IsDefined(Restart))
        {
            throw new ArgumentException($"ChildSpec.Restart of child {Id} is {(int)Restart}, not a RestartType (Permanent, Transient or Temporary).", paramName);
        }

        if (!Enum.IsDefined(Type))
        {
            throw new ArgumentException($"ChildSpec.Type of child {Id} is {(int)Type}, not a ChildType (Worker or Supervisor).", paramName);
        }
    }
}
