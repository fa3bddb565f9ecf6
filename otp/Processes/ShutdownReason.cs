namespace Otp;

/// <summary>
/// The exit reason <c>{shutdown, Detail}</c>: a deliberate stop that carries extra information.
/// Like <see cref="ExitReason.Shutdown"/> it counts as a normal exit for transient children and for reporting,
/// but unlike <c>normal</c> it still travels along links and kills processes that do not trap exits.
/// </summary>
/// <param name="Detail">Any value explaining the shutdown.</param>
public sealed record ShutdownReason(object Detail)
{
    /// <summary>Erlang's notation: <c>{shutdown, Detail}</c>.</summary>
    public override string ToString() => $"{{shutdown, {Detail}}}";
}
