namespace Otp;

/// <summary>
/// How a supervisor starts and treats one child: OTP's child spec map (<c>id</c>, <c>start</c>, <c>restart</c>, <c>shutdown</c>, <c>type</c>).
/// <see cref="Start"/> gets the supervisor's process and must start the child linked to it (a <c>StartLinkAsync</c>),
/// returning its pid, or throw <see cref="StartFailedException"/> (with <see cref="StartFailedException.Ignored"/> for <c>ignore</c>).
/// </summary>
/// <param name="Id">Names the child within its supervisor.</param>
/// <param name="Start">Starts the child linked to the supervisor: <c>ctx =&gt; GenServer.StartLinkAsync(ctx, new MyServer())</c>.</param>
public sealed record ChildSpec(object Id, Func<ProcessContext, Task<Pid>> Start)
{
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
}
