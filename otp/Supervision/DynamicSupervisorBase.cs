namespace Otp;

/// <summary>
/// A module-based DynamicSupervisor: Elixir's <c>use DynamicSupervisor</c> with its <c>init/1</c> callback, written as
/// <see cref="SupervisorBase"/> is. Subclass it, take the start argument in the constructor, and return the flags from
/// <see cref="Init"/> (Elixir's <c>DynamicSupervisor.init(max_children: ..., extra_arguments: [...])</c>):
/// <code>
/// sealed class Rooms(Database db) : DynamicSupervisorBase
/// {
///     protected override DynamicSupervisorOptions? Init() =&gt; new() { MaxChildren = 100, ExtraArguments = db };
/// }
/// </code>
/// Start it with <see cref="DynamicSupervisor.StartLinkAsync(ProcessContext, DynamicSupervisorBase, ServerName?)"/>, or put
/// <c>ChildSpec.For(() =&gt; new Rooms(db))</c> under another supervisor.
/// </summary>
public abstract class DynamicSupervisorBase : ISupervisable
{
    /// <summary>
    /// Elixir's <c>init/1</c> callback: runs in the new supervisor's process, once per start, and returns its flags
    /// (intensity, max children, extra arguments; leave <see cref="DynamicSupervisorOptions.Name"/> null, the name is a
    /// start option), or <see cref="Ignore"/>. Invalid flags fail the start.
    /// </summary>
    protected abstract DynamicSupervisorOptions? Init();

    /// <summary><c>:ignore</c>: the start returns without a supervisor (<see cref="StartFailedException.Ignored"/>).</summary>
    protected static DynamicSupervisorOptions? Ignore() => null;

    internal DynamicSupervisorOptions? RunInit() => Init() switch
    {
        { Name: not null } flags => throw new InvalidOperationException($"Init returned a Name ({flags.Name}); a module-based supervisor's name is given to StartLinkAsync."),
        var flags => flags,
    };

    Task<Pid> ISupervisable.StartLink(ProcessContext supervisor, ServerName? name) => DynamicSupervisor.StartLinkAsync(supervisor, this, name);
}
