namespace Otp;

/// <summary>
/// A server type a supervisor can start from <see cref="ChildSpec.For{TServer}"/>: <see cref="GenServer{TState}"/>,
/// <see cref="SupervisorBase"/> and <see cref="DynamicSupervisorBase"/> (Elixir: a module with <c>use GenServer</c> or <c>use Supervisor</c>, which gives it a
/// <c>child_spec/1</c>). Implemented by the runtime's behaviours only: its member is internal.
/// </summary>
public interface ISupervisable
{
    /// <summary>Starts this instance linked to <paramref name="supervisor"/>: the behaviour's <c>start_link</c>.</summary>
    internal Task<Pid> StartLink(ProcessContext supervisor, ServerName? name);
}
