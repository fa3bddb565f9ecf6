namespace Otp;

/// <summary>
/// A named constant: OTP's atom (<c>normal</c>, <c>shutdown</c>, <c>noproc</c>...).
/// Two atoms with the same name are equal, as in Erlang, so <c>new Atom("normal")</c> equals <see cref="ExitReason.Normal"/>.
/// </summary>
/// <param name="Name">The atom's text, written without a leading colon (<c>normal</c>, not <c>:normal</c>).</param>
public sealed record Atom(string Name)
{
    /// <summary>The atom's name, as Erlang prints it.</summary>
    public override string ToString() => Name;
}
