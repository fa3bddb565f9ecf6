namespace Otp;

/// <summary>
/// A module-based DynamicSupervisor: Elixir's <c>use DynamicSupervisor</c> with an <c>init/1</c> callback. Subclass it, return
/// the flags from <see cref="Init"/> (Elixir's <c>DynamicSupervisor.init(max_children: ..., extra_arguments: [...])</c>) and start
/// it with <see cref="DynamicSupervisor.StartLinkAsync{TArg}(ProcessContext, DynamicSupervisor{TArg}, TArg, ServerName?)"/>.
/// </summary>
/// <typeparam name="TArg">The argument <see cref="Init"/> takes: Elixir's <c>init_arg</c>.</typeparam>
public abstract class DynamicSupervisor<TArg>
{
    /// <summary>
    /// Elixir's <c>init/1</c> callback: runs in the new supervisor's process and returns its flags (intensity, max children,
    /// extra arguments; leave <see cref="DynamicSupervisorOptions.Name"/> null, the name is a start option), or
    /// <see cref="Ignore"/>. Invalid flags fail the start.
    /// </summary>
    /// <param name="arg">What the start was given.</param>
    protected abstract DynamicSupervisorOptions? Init(TArg arg);

    /// <summary><c>:ignore</c>: the start returns without a supervisor (<see cref="StartFailedException.Ignored"/>).</summary>
    protected static DynamicSupervisorOptions? Ignore() => null;

    internal DynamicSupervisorOptions? RunInit(TArg arg) => Init(arg) switch
    {
        { Name: not null } flags => throw new ArgumentException($"Init returned a Name ({flags.Name}); a module-based supervisor's name is given to StartLinkAsync.", nameof(arg)),
        var flags => flags,
    };
}
