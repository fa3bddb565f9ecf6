namespace Otp;

/// <summary>
/// What <see cref="SupervisorBase.Init"/> returns: OTP's <c>{ok, {SupFlags, ChildSpecs}}</c> or <c>ignore</c>
/// (Elixir's <c>Supervisor.init(children, strategy: ...)</c> or <c>:ignore</c>). Make one with
/// <see cref="SupervisorBase"/>'s <c>Ok(children, options)</c> and <c>Ignore()</c>.
/// </summary>
public sealed class SupervisorInit
{
    private SupervisorInit(IReadOnlyList<ChildSpec> children, SupervisorOptions options, bool ignore)
    {
        Children = children;
        Options = options;
        IsIgnore = ignore;
    }

    /// <summary>The children, in start order.</summary>
    public IReadOnlyList<ChildSpec> Children { get; }

    /// <summary>Strategy, intensity and period.</summary>
    public SupervisorOptions Options { get; }

    /// <summary>True for <c>ignore</c>: the start fails with <see cref="StartFailedException.Ignored"/> and a parent supervisor keeps the child unstarted.</summary>
    public bool IsIgnore { get; }

    /// <summary>
    /// <c>{ok, {SupFlags, ChildSpecs}}</c>. Checks the flags and the specs as <see cref="Supervisor.StartLinkAsync(ProcessContext, IEnumerable{ChildSpec}, SupervisorOptions?)"/>
    /// does; as it runs in the supervisor's Init, a bad spec fails the start with the <see cref="ArgumentException"/> as reason.
    /// </summary>
    /// <param name="children">The children, in start order.</param>
    /// <param name="options">Strategy, intensity and period (OTP's defaults if null); no <see cref="SupervisorOptions.Name"/>: name a module-based supervisor at its start.</param>
    public static SupervisorInit Ok(IEnumerable<ChildSpec> children, SupervisorOptions? options = null)
    {
        var init = Checked(children, options, nameof(children), nameof(options));
        if (init.Options.Name is { } name)
        {
            throw new ArgumentException($"SupervisorOptions.Name is {name}: a module-based supervisor is named at its start (Supervisor.StartLinkAsync(parent, supervisor, name)), not by its Init.", nameof(options));
        }

        return init;
    }

    /// <summary><c>ignore</c>: the supervisor does not start.</summary>
    public static SupervisorInit Ignore() => new([], new SupervisorOptions(), ignore: true);

    /// <summary>Children and flags checked as OTP's <c>check_flags</c> and <c>check_childspecs</c> do, naming the bad field.</summary>
    internal static SupervisorInit Checked(IEnumerable<ChildSpec> children, SupervisorOptions? options, string childrenParam, string optionsParam)
    {
        ArgumentNullException.ThrowIfNull(children, childrenParam);
        options ??= new SupervisorOptions();
        options.Validate(optionsParam);
        var list = children.ToArray();
        foreach (var spec in list)
        {
            ArgumentNullException.ThrowIfNull(spec, childrenParam);
            spec.Validate(childrenParam);
        }

        return new SupervisorInit(list, options, ignore: false);
    }
}
