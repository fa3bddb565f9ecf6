using Microsoft.Extensions.Logging;

namespace Otp;

/// <summary>
/// How a <see cref="Node"/> is made: its clock, its name, and where its reports go. Erlang sets these with the
/// <c>erl</c> flags (<c>-sname</c>) and the <c>logger</c> configuration; here they are one object handed to the node.
/// </summary>
public sealed class NodeOptions
{
    /// <summary>The clock for every timeout on the node; <see cref="TimeProvider.System"/> if null.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>
    /// The node's name (Erlang's <c>node()</c>), shown by the dashboard and carried as the <c>otp.node</c> tag of the
    /// <c>Otp</c> meter's measurements. If null, the node is called <c>nonode@nohost</c>, as an Erlang node started
    /// without a name is, with a number after the first (<c>nonode2@nohost</c>) so that nodes of one program stay apart.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>
    /// Where crash reports and supervisor reports go (OTP's <c>logger</c>): categories <c>Otp.CrashReport</c> and
    /// <c>Otp.SupervisorReport</c>. Null (the default) logs nothing and costs nothing.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
