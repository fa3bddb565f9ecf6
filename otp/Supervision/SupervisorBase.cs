namespace Otp;

/// <summary>
/// A module-based supervisor: OTP's <c>supervisor</c> behaviour with its <c>init/1</c> callback (Elixir's <c>use Supervisor</c>).
/// Subclass it, take the start argument in the constructor, and override <see cref="Init"/> to return the children and flags:
/// <code>
/// sealed class ShopSupervisor(string region) : SupervisorBase
/// {
///     protected override SupervisorInit Init() =&gt;
///         Ok([ChildSpec.For(() =&gt; new Cart(region)), ChildSpec.For(() =&gt; new Stock())], new() { Strategy = SupervisorStrategy.OneForAll });
/// }
/// </code>
/// Start it with <see cref="Supervisor.StartLinkAsync(ProcessContext, SupervisorBase, ServerName?)"/> or put
/// <c>ChildSpec.For(() =&gt; new ShopSupervisor("eu"))</c> under another supervisor. Named <c>SupervisorBase</c> because
/// <see cref="Supervisor"/> is the module of functions (as <see cref="GenServer"/> is), and a supervisor has no state of
/// its own for a type parameter to name (<see cref="GenServer{TState}"/> has one).
/// </summary>
public abstract class SupervisorBase : ISupervisable
{
    /// <summary>
    /// <c>init/1</c>: the children and flags (<see cref="Ok"/>) or <see cref="Ignore"/>. Runs in the new supervisor's
    /// process while the starter waits, once per start (an instance holds no state, so it may be started again).
    /// An exception fails the start with the exception as reason.
    /// </summary>
    protected abstract SupervisorInit Init();

    /// <summary>Elixir's <c>Supervisor.init(children, options)</c>: OTP's <c>{ok, {SupFlags, ChildSpecs}}</c>.</summary>
    /// <param name="children">The children, in start order.</param>
    /// <param name="options">Strategy, intensity and period; OTP's defaults if null.</param>
    protected static SupervisorInit Ok(IEnumerable<ChildSpec> children, SupervisorOptions? options = null) => SupervisorInit.Ok(children, options);

    /// <summary><c>ignore</c>: the supervisor does not start (a parent supervisor keeps the spec, unstarted).</summary>
    protected static SupervisorInit Ignore() => SupervisorInit.Ignore();

    internal SupervisorInit RunInit() => Init();

    Task<Pid> ISupervisable.StartLink(ProcessContext supervisor, ServerName? name) => Supervisor.StartLinkAsync(supervisor, this, name);
}
